/**
 * Stored files: the 空白表格 and 格式范本 of application materials (DB36/T 2016 §6.3.2),
 * their bytes kept in the database itself (see docs/architecture.md "Stored files").
 */
import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { centres } from '../organisation/schema.ts';

/**
 * `bytea` as a Buffer on both engines: PGlite hands back a Uint8Array, node-postgres a
 * Buffer; both take either as a parameter.
 */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
  toDriver: (value) => value,
});

export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    /** The original file name (without directories), shown and sent on download. */
    name: text('name').notNull(),
    /** The type of the checked format (never the one the uploader declared). */
    contentType: text('content_type').notNull(),
    /** Bytes. */
    size: integer('size').notNull(),
    /** SHA-256 of the content, lower-case hex: the download's ETag. */
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('stored_files_centre_idx').on(t.centreId, t.createdAt)],
);

/**
 * The service item catalogue (事项管理, DB36/T 2016 §7.3): items, the versions of their
 * guides (§7.3.2.2) and "高效办成一件事" bundles (§8.2.4).
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { BundleStep } from '../../domain/catalogue/bundles.ts';
import type { ItemFlags, ItemGuide } from '../../domain/catalogue/guide.ts';
import type { VersionStatus } from '../../domain/catalogue/versions.ts';
import { centres, departments } from '../organisation/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const items = pgTable(
  'items',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    /** main / sub / handling (§7.3.2.2e). */
    level: text('level').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => items.id),
    basicCode: text('basic_code').notNull(),
    implementationCode: text('implementation_code'),
    handlingCode: text('handling_code'),
    /** The working name and type (of the latest version); the public reads the published_* columns. */
    kind: text('kind').notNull(),
    typeCode: text('type_code').notNull(),
    name: text('name').notNull(),
    /**
     * Search row of the published version (§7.3.2.1 one source of truth), written in the
     * transaction that publishes or withdraws: null when nothing is published.
     */
    publishedNumber: integer('published_number'),
    publishedEffectiveOn: text('published_effective_on'),
    publishedName: text('published_name'),
    publishedTypeCode: text('published_type_code'),
    /** Lower-cased name and codes, for substring search. */
    publishedSearch: text('published_search'),
    publishedFlags: jsonb('published_flags').$type<ItemFlags>(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    retiredAt: ts('retired_at'),
  },
  (t) => [
    // Codes unique among active items in the deployment: the implementation code names one
    // implementing body's item (USCC + level + basic code), wherever it is handled.
    uniqueIndex('items_implementation_code_idx').on(t.implementationCode).where(sql`retired_at is null and level <> 'handling'`),
    uniqueIndex('items_handling_code_idx').on(t.handlingCode).where(sql`retired_at is null`),
    index('items_centre_idx').on(t.centreId, t.implementationCode),
    index('items_parent_idx').on(t.parentId),
    index('items_public_idx').on(t.centreId, t.publishedEffectiveOn).where(sql`published_number is not null and retired_at is null`),
  ],
);

export const itemVersions = pgTable(
  'item_versions',
  {
    id: uuid('id').primaryKey(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id),
    number: integer('number').notNull(),
    status: text('status').$type<VersionStatus>().notNull(),
    guide: jsonb('guide').$type<ItemGuide>().notNull(),
    submittedBy: text('submitted_by'),
    submittedAt: ts('submitted_at'),
    /** §7.3.2.2c legality review: decision, reviewer and opinion. */
    reviewDecision: text('review_decision'),
    reviewer: text('reviewer'),
    opinion: text('opinion'),
    reviewedAt: ts('reviewed_at'),
    effectiveOn: text('effective_on'),
    publishedAt: ts('published_at'),
    withdrawnAt: ts('withdrawn_at'),
    withdrawReason: text('withdraw_reason'),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('item_versions_number_idx').on(t.itemId, t.number),
    // One line of edits: at most one draft or submitted version per item.
    uniqueIndex('item_versions_open_idx').on(t.itemId).where(sql`status in ('draft', 'submitted')`),
  ],
);

export const bundles = pgTable(
  'bundles',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    name: text('name').notNull(),
    itemIds: jsonb('item_ids').$type<string[]>().notNull(),
    steps: jsonb('steps').$type<BundleStep[]>().notNull(),
    acceptingCounterKind: text('accepting_counter_kind').notNull(),
    guideText: text('guide_text'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    retiredAt: ts('retired_at'),
  },
  (t) => [uniqueIndex('bundles_centre_name_idx').on(t.centreId, t.name).where(sql`retired_at is null`)],
);

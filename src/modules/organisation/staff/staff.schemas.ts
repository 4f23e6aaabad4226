import { Type, type Static } from 'typebox';
import { Nullable, Phone, Uuid } from '../../../platform/http/schemas.ts';

/** Largest photo, as a data: URL (about 220 KB of image once base64-decoded). */
export const PHOTO_URL_MAX = 300 * 1024;

/** An http(s) URL or an inline raster image (no SVG: it may carry script). */
export const PhotoUrl = Type.String({
  maxLength: PHOTO_URL_MAX,
  pattern: '^(https?://[^\\s]+|data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2})$',
  description: '照片：http(s) 地址，或 data:image/(png|jpeg|gif|webp);base64 内嵌图片，不超过 300 KB',
});

const fields = {
  name: Type.String({ minLength: 1, maxLength: 50 }),
  workNumber: Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z-]+$', description: '工号（§5.1.3.4 工作证）' }),
  title: Nullable(Type.String({ minLength: 1, maxLength: 50, description: '职务' })),
  departmentId: Nullable(Uuid),
  photoUrl: Nullable(PhotoUrl),
  phone: Nullable(Phone),
  duties: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20, description: '工作内容（§5.1.3.3 岗位公示）' }),
  userId: Nullable(Uuid),
};

export const StaffCreate = Type.Object(
  {
    name: fields.name,
    workNumber: fields.workNumber,
    title: Type.Optional(fields.title),
    departmentId: Type.Optional(fields.departmentId),
    photoUrl: Type.Optional(fields.photoUrl),
    phone: Type.Optional(fields.phone),
    duties: Type.Optional(fields.duties),
    userId: Type.Optional(fields.userId),
  },
  { additionalProperties: false },
);
export type StaffCreate = Static<typeof StaffCreate>;

export const StaffUpdate = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type StaffUpdate = Static<typeof StaffUpdate>;

export const StaffView = Type.Object({
  id: Uuid,
  centreId: Uuid,
  name: fields.name,
  workNumber: Type.String(),
  title: Nullable(Type.String()),
  departmentId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  photoUrl: Nullable(Type.String()),
  phone: Nullable(Type.String({ description: '无 staff.private 权限者看到脱敏号码，如 138****5678' })),
  phoneMasked: Type.Boolean(),
  duties: Type.Array(Type.String()),
  userId: Type.Optional(Nullable(Uuid)),
  retiredAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type StaffView = Static<typeof StaffView>;

/** §5.1.3.3 岗位公示栏: photo, name, title, work number, department, duties; nothing private. */
export const BoardEntry = Type.Object({
  id: Uuid,
  name: Type.String(),
  workNumber: Type.String(),
  title: Nullable(Type.String()),
  departmentId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  photoUrl: Nullable(Type.String()),
  duties: Type.Array(Type.String()),
});
export type BoardEntry = Static<typeof BoardEntry>;

export const StaffBoard = Type.Object({
  centre: Type.Object({ id: Uuid, name: Type.String() }),
  items: Type.Array(BoardEntry),
});
export type StaffBoard = Static<typeof StaffBoard>;

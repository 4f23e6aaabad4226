import { Type, type Static } from 'typebox';
import { Nullable, Uuid } from '../../platform/http/schemas.ts';

const Step = Type.Object(
  { order: Type.Integer({ minimum: 1, maximum: 100 }), name: Type.String({ maxLength: 100 }), itemIds: Type.Array(Uuid, { maxItems: 50 }) },
  { additionalProperties: false },
);

const fields = {
  name: Type.String({ minLength: 2, maxLength: 100, description: '“一件事”名称，如“新生儿出生一件事”' }),
  itemIds: Type.Array(Uuid, { maxItems: 50, description: '所含事项（§8.2.4）' }),
  steps: Type.Array(Step, { maxItems: 100, description: '办理流程（按序）' }),
  acceptingCounterKind: Type.String({ maxLength: 30, description: '受理窗口类型：综合窗口（comprehensive）' }),
  guideText: Nullable(Type.String({ maxLength: 20000, description: '一件事办事指南说明' })),
};

export const BundleCreate = Type.Object(
  { name: fields.name, itemIds: fields.itemIds, steps: fields.steps, acceptingCounterKind: fields.acceptingCounterKind, guideText: Type.Optional(fields.guideText) },
  { additionalProperties: false },
);
export type BundleCreate = Static<typeof BundleCreate>;
export const BundleUpdate = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type BundleUpdate = Static<typeof BundleUpdate>;

export const BundleView = Type.Object({
  id: Uuid,
  centreId: Uuid,
  ...fields,
  items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), code: Nullable(Type.String()), publishedNumber: Nullable(Type.Integer()) })),
  /** §8.2.4 one merged material list (from the published guides), duplicates removed. */
  materials: Type.Array(Type.Unknown()),
  /** Items without a published guide: their materials are not in the list yet. */
  unpublishedItemIds: Type.Array(Uuid),
  retiredAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type BundleView = Static<typeof BundleView>;

export const ListsView = Type.Unknown({ description: '§8.2 各类清单（帮代办、告知承诺、容缺受理、通办、一件事、延时错时、预约等）' });

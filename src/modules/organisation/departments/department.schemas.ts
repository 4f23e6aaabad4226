import { Type, type Static } from 'typebox';
import { Nullable, Phone, Uuid } from '../../../platform/http/schemas.ts';

const fields = {
  name: Type.String({ minLength: 2, maxLength: 100, description: '部门全称，如“国家税务总局南昌市新建区税务局”' }),
  shortName: Nullable(Type.String({ minLength: 1, maxLength: 20, description: '简称，如“税务”' })),
  uscc: Nullable(Type.String({ minLength: 1, maxLength: 18, description: '统一社会信用代码（GB 32100）' })),
  phone: Nullable(Phone),
  sortOrder: Type.Integer({ minimum: 0, maximum: 9999 }),
  chiefRepresentativeId: Nullable(Type.String({ format: 'uuid', description: '首席代表（DB36/T 2016 §3.8、§7.4.1 b）：本中心的工作人员' })),
};

export const DepartmentCreate = Type.Object(
  {
    name: fields.name,
    shortName: Type.Optional(fields.shortName),
    uscc: Type.Optional(fields.uscc),
    phone: Type.Optional(fields.phone),
    sortOrder: Type.Optional(fields.sortOrder),
    chiefRepresentativeId: Type.Optional(fields.chiefRepresentativeId),
  },
  { additionalProperties: false },
);
export type DepartmentCreate = Static<typeof DepartmentCreate>;

export const DepartmentUpdate = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type DepartmentUpdate = Static<typeof DepartmentUpdate>;

export const DepartmentView = Type.Object({
  id: Uuid,
  centreId: Uuid,
  ...fields,
  chiefRepresentativeName: Nullable(Type.String()),
  retiredAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type DepartmentView = Static<typeof DepartmentView>;

import { Type, type Static } from 'typebox';
import { USER_ROLES } from '../../domain/accounts/roles.ts';
import { Nullable, PageQuery, Uuid } from '../../platform/http/schemas.ts';

export const RoleGrantSchema = Type.Object(
  {
    role: Type.Enum(USER_ROLES),
    centreId: Nullable(Uuid),
    departmentId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

// Strength is a rule (422 PASSWORD_TOO_WEAK), not a matter of shape: only bound the length here.
const Password = Type.String({ minLength: 1, maxLength: 200 });
const DisplayName = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' });
const Roles = Type.Array(RoleGrantSchema, { minItems: 1, maxItems: 20 });

export const UserCreate = Type.Object(
  {
    username: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$', description: '字母、数字及 . _ @ -，2 至 64 位' }),
    displayName: DisplayName,
    password: Password,
    roles: Roles,
  },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreate>;

export const UserUpdate = Type.Object(
  { displayName: Type.Optional(DisplayName), roles: Type.Optional(Roles), disabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type UserUpdate = Static<typeof UserUpdate>;

export const PasswordReset = Type.Object({ password: Password }, { additionalProperties: false });

export const PasswordChange = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });

export const UserListQuery = Type.Object(
  {
    centreId: Type.Optional(Uuid),
    search: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    includeDisabled: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const GrantView = Type.Object({ role: Type.Enum(USER_ROLES), centreId: Nullable(Uuid), departmentId: Nullable(Uuid) });

export const UserView = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  disabled: Type.Boolean(),
  roles: Type.Array(GrantView),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type UserView = Static<typeof UserView>;

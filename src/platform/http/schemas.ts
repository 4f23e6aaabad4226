/** Schemas shared by every module's routes. */
import { Type, type TNull, type TSchema, type TUnion } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const CentreParams = Type.Object({ centreId: Uuid }, { additionalProperties: false });
export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const TimeOfDay = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM' });
export const Phone = Type.String({ pattern: '^[0-9+\\-() ]{3,20}$', maxLength: 20 });
export const Timestamp = Type.String({ format: 'date-time' });

export const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Array(Type.Object({ path: Type.String(), code: Type.String(), message: Type.String() })),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
});

/** Standard error responses, so every route documents them. */
export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  422: ErrorSchema,
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer() });
}

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};

/**
 * The schema or null. A schema with a `type` says so with OpenAPI's `nullable` (Ajv and
 * fast-json-stringify both read it); `anyOf: [schema, null]` would let Ajv's type
 * coercion turn a JSON null into "" (or [""]) on the first branch before it tries null.
 */
export function Nullable<T extends TSchema>(schema: T): TUnion<[T, TNull]> {
  const typed = typeof (schema as { type?: unknown }).type === 'string';
  return (typed ? Type.Unsafe({ ...schema, nullable: true }) : Type.Union([schema, Type.Null()])) as TUnion<[T, TNull]>;
}

/**
 * The request validation of the API in one place: the Ajv options Fastify validates
 * every route with, and {@link compileValidator} for a check a route makes by itself
 * (one branch of a union, chosen by the body) that must accept and coerce exactly what
 * the route's own validation would — `nullable: true` included (schemas.ts `Nullable`),
 * which a TypeBox compiled check does not read.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { TSchema } from 'typebox';

export const AJV_OPTIONS = { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } as const;

let ajv: Ajv | undefined;

/** A validator with the API's options; its `errors` are Ajv's, as Fastify reports them. */
export function compileValidator(schema: TSchema): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv({ ...AJV_OPTIONS, strict: false });
    addFormats.default(ajv);
  }
  return ajv.compile(schema);
}

/**
 * Checks the body of `POST /cases/{id}/transitions` against the schema of ITS action
 * only, so that a fault is reported once at its field (`/data/reason`), not once per
 * action of the union the OpenAPI document shows. Runs as the route's preValidation
 * hook (after authorisation); the union's own validation then always passes. The check
 * uses the API's own Ajv options (platform/http/validator.ts), so `null` in a nullable
 * field and coercion behave as on every other route.
 */
import { AppError, type FieldIssue } from '../../domain/shared/errors.ts';
import { validationFields } from '../../platform/http/errors.ts';
import { compileValidator } from '../../platform/http/validator.ts';
import { ACTION_DATA, ROUTE_ACTIONS, type RouteAction } from './case.schemas.ts';

const validators = new Map(ROUTE_ACTIONS.map((a) => [a, compileValidator(ACTION_DATA[a])]));

interface Issue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function fail(fields: FieldIssue[]): never {
  throw new AppError('VALIDATION_FAILED', { fields });
}

/** Throws VALIDATION_FAILED with every fault of the body, each at its path. */
export function checkTransitionBody(body: unknown): void {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) fail([{ path: '/', code: 'type', message: '类型应为 object' }]);
  const b = body as Record<string, unknown>;
  const extra = Object.keys(b).filter((k) => k !== 'action' && k !== 'data');
  const issues: Issue[] = extra.map((k) => ({ instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: k } }));
  const action = b.action;
  if (typeof action !== 'string' || !(ROUTE_ACTIONS as readonly string[]).includes(action)) {
    issues.push(action === undefined ? { instancePath: '', keyword: 'required', params: { missingProperty: 'action' } } : { instancePath: '/action', keyword: 'enum', params: {} });
  } else if (b.data !== undefined) {
    const validator = validators.get(action as RouteAction)!;
    if (!validator(b.data)) issues.push(...(validator.errors ?? []).map((e) => ({ ...e, instancePath: `/data${e.instancePath}` })));
  } else if (!validators.get(action as RouteAction)!({})) {
    issues.push({ instancePath: '', keyword: 'required', params: { missingProperty: 'data' } });
  }
  if (issues.length > 0) fail(validationFields(issues, 'body'));
}

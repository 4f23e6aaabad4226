/**
 * The centre and department of cases, kept per process for access control of
 * `/cases/:id`: both are fixed when a case opens and never change, so an entry never
 * goes stale. Only cases found are kept (an unknown id is asked again). Per database,
 * bounded: the whole map is dropped when full.
 */
import type { Database } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';

export interface CaseScope {
  readonly centreId: string;
  readonly departmentId: string;
}

const MAX_CASES = 50_000;
const scopes = new WeakMap<Database, Map<string, CaseScope>>();

function mapOf(deps: Pick<AppDeps, 'database'>): Map<string, CaseScope> {
  let map = scopes.get(deps.database);
  if (!map) scopes.set(deps.database, (map = new Map()));
  return map;
}

export function knownCaseScope(deps: Pick<AppDeps, 'database'>, caseId: string): CaseScope | undefined {
  return mapOf(deps).get(caseId);
}

/** Remembers a case's scope (after it is read, or as the opening transaction commits); returns it. */
export function rememberCaseScope(deps: Pick<AppDeps, 'database'>, caseId: string, scope: CaseScope): CaseScope {
  const map = mapOf(deps);
  if (map.size >= MAX_CASES) map.clear();
  map.set(caseId, scope);
  return scope;
}

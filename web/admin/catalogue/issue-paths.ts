/**
 * Where on the item form an API issue belongs. Publication issues name guide elements
 * (`/materials/2/name`, relative to the guide); some name a whole element the form
 * splits into several inputs (`/legalTimeLimit`, `/fee`): those go to its first input.
 */
import { ApiError, type FieldIssue } from '../../shared/api.ts';

const WHOLE_ELEMENT: readonly [RegExp, string][] = [
  [/^\/guide\/(legalTimeLimit|promisedTimeLimit)$/, '/guide/$1/value'],
  [/^\/guide\/fee$/, '/guide/fee/mode'],
  [/^\/guide\/implementingBody$/, '/guide/implementingBody/name'],
  [/^\/guide\/materials\/(\d+)\/tolerance(\/completionDeadline)?$/, '/guide/materials/$1/tolerance/conditions'],
  [/^\/guide\/process\/(\d+)\/timeLimit$/, '/guide/process/$1/timeLimit/value'],
];

/** The form path of an issue; `guideRelative` for the paths of publication issues. */
export function formPath(path: string, guideRelative: boolean): string {
  let out = guideRelative && path.startsWith('/') ? `/guide${path === '/' ? '' : path}` : path;
  for (const [pattern, target] of WHOLE_ELEMENT) out = out.replace(pattern, target);
  return out;
}

/** The same error with its field paths moved onto the form. */
export function onForm(error: unknown, guideRelative: boolean): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields: FieldIssue[] = error.fields.map((f) => ({ ...f, path: formPath(f.path, guideRelative) }));
  return new ApiError(error.status, error.code, error.message, fields, error.details ? { ...error.details } : undefined);
}

/** Whether the error is a refused publication (missing elements or contradictions, §7.3.3.3). */
export function isPublicationError(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'ITEM_PUBLICATION_INCOMPLETE';
}

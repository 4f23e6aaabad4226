/** Shows the API's field errors next to the form fields, and the rest above the form. */
import { Alert } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError, messageOf } from './api.ts';

export interface FormFailure {
  readonly message: string;
  /** Field messages whose field is not on the form. */
  readonly other: readonly string[];
}

/** `/phones/complaint` → `['phones', 'complaint']`; `/days/3/date` → `['days', 3, 'date']`. */
export function pathToName(path: string): (string | number)[] {
  const bare = path.replace(/^[a-z]+:/, '');
  return bare
    .split('/')
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

function hasField(values: unknown, name: readonly (string | number)[]): boolean {
  let cursor: unknown = values;
  for (const key of name) {
    if (cursor === null || typeof cursor !== 'object' || !(String(key) in cursor)) return false;
    cursor = (cursor as Record<string, unknown>)[String(key)];
  }
  return name.length > 0;
}

/** Puts each field error on its field; returns what could not be placed. */
export function applyApiError(form: FormInstance, error: unknown): FormFailure {
  if (!(error instanceof ApiError)) return { message: messageOf(error), other: [] };
  const registered: unknown = form.getFieldsValue();
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const other: string[] = [];
  for (const issue of error.fields) {
    const name = pathToName(issue.path);
    // An error on a nested value (e.g. /serviceHours/early/start) goes to the nearest field on the form.
    let target = name;
    while (target.length > 0 && !hasField(registered, target)) target = target.slice(0, -1);
    if (target.length === 0) {
      other.push(issue.message);
      continue;
    }
    const key = JSON.stringify(target);
    const entry = byField.get(key) ?? { name: target, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  const placed = [...byField.values()];
  form.setFields(placed.map(({ name, errors }) => ({ name, errors })));
  // Keyboard and screen-reader users land on the first field to correct.
  if (placed[0]) form.focusField(placed[0].name);
  // The summary repeats nothing already shown next to a field.
  const repeated = other.length === 0 && placed.some((p) => p.errors.includes(error.message));
  return { message: repeated ? '请按提示修改后重新提交' : error.message, other };
}

export function FormError({ failure }: { failure: FormFailure | null }) {
  if (!failure) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={failure.message}
      description={failure.other.length > 0 ? failure.other.join('；') : undefined}
    />
  );
}

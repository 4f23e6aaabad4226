/** Colours and Chinese labels of cases at the counter (statuses from src/domain/cases/case-states.ts). */
import { CASE_EVENT_LABELS, type CaseStatus } from '../../../src/domain/cases/case-states.ts';
import { STAGE_STATE_LABELS } from '../../../src/domain/cases/timeline.ts';

export { CASE_EVENT_LABELS, STAGE_STATE_LABELS };

export const STATUS_COLOURS: Readonly<Record<CaseStatus, string>> = {
  opened: 'blue',
  correction: 'orange',
  refused: 'red',
  withdrawn: 'default',
  accepted: 'cyan',
  processing: 'geekblue',
  suspended: 'gold',
  decided: 'purple',
  ready_for_pickup: 'magenta',
  posted: 'magenta',
  delivered: 'green',
  archived: 'default',
};

/** A label of these tables for a value the API sends as a plain string; the value itself when unknown. */
export function labelOf<K extends string>(table: Readonly<Record<K, string>>, key: string): string {
  return Object.hasOwn(table, key) ? table[key as K] : key;
}

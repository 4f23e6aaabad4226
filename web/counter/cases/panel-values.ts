/**
 * The values of the case panel and what they become in the API: the body that opens a
 * case, the transition of the decision, and where the server's field errors land.
 */
import type { Dayjs } from 'dayjs';
import { textOrNull } from '../../shared/values.ts';
import type { ApplicantValues } from './ApplicantFields.tsx';
import { atActionFields, withoutNulls } from './case-actions.ts';
import { DECISIONS, materialsBody, type CaseRules, type ChecklistRow, type CounterDecision } from './checklist-model.ts';
import type { ActionData, ApplicantBody, CaseAction, CaseDetail, CaseOpenBody } from './types.ts';

export interface PanelValues {
  target: 'item' | 'bundle';
  itemId?: string;
  bundleId?: string;
  applicant: ApplicantValues;
  agent?: boolean;
  agentStaffId?: string;
  materials?: (ChecklistRow | undefined)[];
  decision?: CounterDecision;
  commitment?: string;
  completionDeadline?: Dayjs | null;
  reason?: string;
  legalBasis?: string;
  note?: string;
}

const trimmed = (v: string | undefined): string => (v ?? '').trim();

export function applicantBody(a: ApplicantValues): ApplicantBody {
  const common = { name: trimmed(a.name), phone: trimmed(a.phone), address: textOrNull(a.address) };
  return a.kind === 'organisation'
    ? { kind: 'organisation', ...common, uscc: trimmed(a.uscc).toUpperCase(), contactName: trimmed(a.contactName) }
    : { kind: 'person', ...common, idType: a.idType ?? 'resident_id', idNumber: trimmed(a.idNumber).toUpperCase() };
}

/** POST /centres/{centreId}/cases: the item or bundle, the ticket in service, the applicant, the agent, the checklist. */
export function openBody(values: PanelValues, rules: CaseRules, ticketId: string | null): CaseOpenBody {
  return {
    ...(values.target === 'bundle' ? { bundleId: values.bundleId! } : { itemId: values.itemId! }),
    ...(ticketId ? { ticketId } : {}),
    applicant: applicantBody(values.applicant),
    ...(values.agent && values.agentStaffId ? { agentStaffId: values.agentStaffId } : {}),
    materials: materialsBody(rules.materials, values.materials ?? []),
  };
}

export type DecisionCall = { [A in CaseAction]: { action: A; data: ActionData<A> } }['accept' | 'request_correction' | 'refuse'];

/** The transition a decision takes, with the checklist as the clerk left it. */
export function decisionCall(values: PanelValues, rules: CaseRules): DecisionCall {
  const meta = DECISIONS[values.decision!];
  const materials = materialsBody(rules.materials, values.materials ?? []);
  switch (meta.action) {
    case 'accept':
      return {
        action: 'accept',
        data: withoutNulls({
          mode: meta.mode!,
          materials,
          commitment: meta.mode === 'normal' ? null : textOrNull(values.commitment),
          completionDeadline: meta.mode === 'tolerance' && values.completionDeadline ? values.completionDeadline.format('YYYY-MM-DD') : null,
        }),
      };
    case 'request_correction':
      return { action: 'request_correction', data: withoutNulls({ materials, note: textOrNull(values.note) }) };
    case 'refuse':
      return { action: 'refuse', data: { reason: trimmed(values.reason), legalBasis: trimmed(values.legalBasis), materials } };
  }
}

/**
 * Field paths of the server's answer moved onto the panel's fields: a material named
 * wrongly is shown at its result; a transition's `/data/…` at the field of the same
 * name; the acceptance mode at the decision.
 */
export function atPanelFields(error: unknown): unknown {
  return atActionFields(error, (path) => path.replace(/^\/materials\/(\d+)\/(name|issuingBody)$/, '/materials/$1/status').replace(/^\/mode$/, '/decision'));
}

/** The checklist rows of a case opened earlier, matched to the rules' materials by name and issuing body. */
export function rowsFromCase(rules: CaseRules, checklist: CaseDetail['checklist']): ChecklistRow[] {
  return rules.materials.map((m) => {
    const entry = checklist.find((e) => e.name === m.name && (e.issuingBody ?? null) === (m.issuingBody ?? null)) ?? checklist.find((e) => e.name === m.name);
    if (m.viaDataSharing) return { status: 'shared' };
    const status = entry && entry.status !== 'shared' ? (entry.status as ChecklistRow['status']) : 'missing';
    return { status, ...(entry?.note ? { note: entry.note } : {}) };
  });
}

/** The body of a case action from its dialog's values (POST /api/v1/cases/{id}/transitions). */
import type { IdType } from '../../../src/domain/cases/applicant.ts';
import { DEFAULT_RETENTION_YEARS, type ArchiveMedium, type SuspensionKind } from '../../../src/domain/cases/case-states.ts';
import { textOrNull } from '../../shared/values.ts';
import { withoutNulls, type DetailAction } from './case-actions.ts';

export interface ActionValues {
  step?: string;
  handler?: string;
  opinion?: string;
  kind?: SuspensionKind;
  reason?: string;
  approver?: string;
  note?: string;
  days?: number;
  materials?: string[];
  decision?: 'approve' | 'reject';
  reasons?: string;
  itemId?: string;
  place?: string;
  relation?: 'applicant' | 'agent';
  pickerName?: string;
  pickerIdType?: IdType;
  pickerIdNumber?: string;
  identityChecked?: boolean;
  address?: string;
  carrier?: string;
  trackingNumber?: string;
  free?: boolean;
  signedBy?: string;
  location?: string;
  retentionYears?: number;
  medium?: ArchiveMedium;
}

const t = (v: string | undefined): string => (v ?? '').trim();
export const stepKey = (s: { name: string; itemId: string | null }) => `${s.itemId ?? ''}|${s.name}`;
const fromStepKey = (key: string | undefined) => {
  const [itemId, ...name] = (key ?? '').split('|');
  return { itemId: itemId || null, name: name.join('|') };
};

/** The body of the transition from the dialog's values. */
export function actionBody(action: DetailAction, v: ActionValues): { action: DetailAction; data: Record<string, unknown> } {
  const body = bodyOf(action, v);
  return { action: body.action, data: withoutNulls(body.data) };
}

function bodyOf(action: DetailAction, v: ActionValues): { action: DetailAction; data: Record<string, unknown> } {
  switch (action) {
    case 'resubmit':
      return { action, data: {} };
    case 'start_step': {
      const s = fromStepKey(v.step);
      return { action, data: { name: s.name, handler: t(v.handler), itemId: s.itemId } };
    }
    case 'finish_step': {
      const s = fromStepKey(v.step);
      return { action, data: { name: s.name, itemId: s.itemId, opinion: textOrNull(v.opinion) } };
    }
    case 'suspend':
      return { action, data: { kind: v.kind, reason: t(v.reason), approver: t(v.approver) } };
    case 'resume':
      return { action, data: { note: textOrNull(v.note) } };
    case 'extend':
      return { action, data: { days: v.days, reason: t(v.reason), approver: t(v.approver) } };
    case 'complete_tolerance':
      return { action, data: { materials: v.materials ?? [] } };
    case 'decide':
      return { action, data: { decision: v.decision, reasons: textOrNull(v.reasons), ...(v.itemId ? { itemId: v.itemId } : {}) } };
    case 'notify_pickup':
      return { action, data: { place: t(v.place) } };
    case 'picked_up':
      return {
        action,
        data: { pickerName: t(v.pickerName), pickerIdType: v.pickerIdType ?? 'resident_id', pickerIdNumber: t(v.pickerIdNumber).toUpperCase(), identityChecked: v.identityChecked === true, relation: v.relation ?? 'applicant' },
      };
    case 'post':
      return { action, data: { address: t(v.address), carrier: t(v.carrier), trackingNumber: t(v.trackingNumber), free: v.free ?? true } };
    case 'delivered':
      return { action, data: { signedBy: textOrNull(v.signedBy) } };
    case 'archive':
      return { action, data: { location: t(v.location), retentionYears: v.retentionYears ?? DEFAULT_RETENTION_YEARS, medium: v.medium ?? 'paper' } };
    case 'withdraw':
      return { action, data: { reason: t(v.reason) } };
  }
}

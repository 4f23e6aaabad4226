/**
 * The calls of case handling from the counter: open a case, its one transitions route,
 * the clerk's list, the consultation register (§8.1.2.2); and what a case is checked
 * against — the published guides, the same ones the public reads (§7.3.2.1).
 */
import { api } from '../../shared/api.ts';
import type { BundleView, ItemList, PageOf, StaffView } from '../../shared/types.ts';
import type { PublicItemSummary, PublicItemView } from '../../../src/modules/catalogue/item.schemas.ts';
import type { ItemGuide } from '../../../src/domain/catalogue/guide.ts';
import { rulesOf, type CaseRules } from './checklist-model.ts';
import type { ActionData, CaseAction, CaseDetail, CaseOpenBody, CaseSummary, ConsultationBody, ConsultationView } from './types.ts';

export const openCase = (centreId: string, body: CaseOpenBody) => api.post<CaseDetail>(`/api/v1/centres/${centreId}/cases`, body);

export const getCase = (id: string) => api.get<CaseDetail>(`/api/v1/cases/${id}`);

/** POST /api/v1/cases/{id}/transitions: one action of the transition table with its data. */
export function transition<A extends CaseAction>(caseId: string, action: A, data: ActionData<A>): Promise<CaseDetail> {
  return api.post<CaseDetail>(`/api/v1/cases/${caseId}/transitions`, { action, data });
}

/** The same route for a body already paired (an action and its data). */
export const applyTransition = (caseId: string, body: { readonly action: CaseAction; readonly data: unknown }) => api.post<CaseDetail>(`/api/v1/cases/${caseId}/transitions`, body);

export const listCases = (centreId: string, query: { clerkId?: string; limit?: number }) => api.get<PageOf<CaseSummary>>(`/api/v1/centres/${centreId}/cases`, query);

export const recordConsultation = (centreId: string, body: ConsultationBody) => api.post<ConsultationView>(`/api/v1/centres/${centreId}/consultations`, body);

/** Published items of the centre matching `q` (the public search: only what may be applied for today). */
export const searchItems = (centreId: string, q: string) =>
  api.get<{ items: PublicItemSummary[]; total: number }>(`/api/v1/public/centres/${centreId}/items`, { q: q.trim() || undefined, limit: 20 });

export type PublishedGuide = PublicItemView & { readonly guide: ItemGuide };

/** The current published guide of an item (§7.3.2.1 one source of truth). */
export const publishedGuide = (itemId: string) => api.get<PublishedGuide>(`/api/v1/public/items/${itemId}`);

export const listBundles = async (centreId: string) => (await api.get<ItemList<BundleView>>(`/api/v1/centres/${centreId}/bundles`)).items.filter((b) => !b.retiredAt);

export const getBundle = (id: string) => api.get<BundleView>(`/api/v1/bundles/${id}`);

export const listStaff = async (centreId: string) => (await api.get<ItemList<StaffView>>(`/api/v1/centres/${centreId}/staff`)).items.filter((s) => !s.retiredAt);

/** What a new case of an item or a bundle is checked against: the merged materials and shared flags. */
export async function rulesFor(target: { readonly itemId: string } | { readonly bundle: BundleView }): Promise<CaseRules & { readonly guides: readonly PublishedGuide[] }> {
  const ids = 'itemId' in target ? [target.itemId] : target.bundle.itemIds;
  const guides = await Promise.all(ids.map((id) => publishedGuide(id)));
  return { ...rulesOf(guides.map((g) => ({ itemId: g.id, guide: g.guide }))), guides };
}

/**
 * A step a case may start: each item's 办理流程 and a bundle's own steps, as the version the
 * case opened under names them (the server lists them in the detail, `processSteps`).
 */
export type StepChoice = CaseDetail['processSteps'][number];

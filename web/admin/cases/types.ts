/** What the case screens exchange with the server: the server's own TypeBox types, type-only. */
export type { CaseDetail, CaseListQuery, CaseSummary } from '../../../src/modules/cases/case.schemas.ts';
export type { ConsultationView, ReviewDecisionBody, ReviewView } from '../../../src/modules/cases/review.schemas.ts';
export type { CaseSettings } from '../../../src/domain/cases/settings.ts';

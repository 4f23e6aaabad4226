/**
 * Case handling (办件, issue 5) as the counter workstation sees it: the server's TypeBox
 * types, imported type-only (no server code reaches the bundle).
 */
import type { Static } from 'typebox';
import type { ACTION_DATA, CaseDetail as ServerCaseDetail, CaseOpenBody as ServerOpenBody, CaseSummary as ServerCaseSummary, RouteAction } from '../../../src/modules/cases/case.schemas.ts';
import type { ConsultationBody as ServerConsultationBody, ConsultationView as ServerConsultationView } from '../../../src/modules/cases/review.schemas.ts';

/** GET /api/v1/cases/{id}, and the answer of every transition. */
export type CaseDetail = ServerCaseDetail;
/** A row of GET /api/v1/centres/{centreId}/cases. */
export type CaseSummary = ServerCaseSummary;
/** POST /api/v1/centres/{centreId}/cases */
export type CaseOpenBody = ServerOpenBody;
export type ApplicantBody = CaseOpenBody['applicant'];
export type ChecklistEntryBody = NonNullable<CaseOpenBody['materials']>[number];

/** The actions of POST /api/v1/cases/{id}/transitions, each with its data. */
export type CaseAction = RouteAction;
export type ActionData<A extends CaseAction> = Static<(typeof ACTION_DATA)[A]>;

export type ConsultationBody = ServerConsultationBody;
export type ConsultationView = ServerConsultationView;

/** The printable notices of a case (GET /api/v1/cases/{id}/notices/{kind}.pdf). */
export type NoticeKind = 'acceptance' | 'correction' | 'tolerance' | 'refusal' | 'delivery_receipt';

export type CaseStage = CaseDetail['timeline'][number];
export type CaseStep = CaseDetail['steps'][number];
export type CaseChecklistRow = CaseDetail['checklist'][number];

/** Access scopes of the case routes: the centre (and department) a request touches. */
import { AppError } from '../../domain/shared/errors.ts';
import { entityScope } from '../../platform/auth/access.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { caseCentre } from './case-transition.service.ts';
import { reviewCentre } from './refusal-review.service.ts';

/** A case's centre and the department of its item: a clerk scoped to another department is refused. */
export const caseScope = entityScope(caseCentre, 'CASE_NOT_FOUND');
export const reviewScope = entityScope(reviewCentre, 'REFUSAL_REVIEW_NOT_FOUND');

/** The user behind a request (the case permissions are held by people only). */
export function userOf(principal: Principal | null): string {
  if (principal?.kind !== 'user') throw new AppError('FORBIDDEN');
  return principal.id;
}

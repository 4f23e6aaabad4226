/**
 * Who may do what with cases, from the server's policy table: case.read (every staff
 * role), case.review (§7.5.2.3 refusal reviews and the case settings: managers),
 * case.private (an open case's personal data in full: the roles that handle cases),
 * case.archived-private (an archived case's: managers only, §8.1.2.6).
 */
import { grantsAllow } from '../../../src/platform/auth/policy.ts';
import { useCentreId } from '../lookups.ts';
import { grantsOf } from '../permissions.ts';
import { useSession } from '../session.tsx';

export interface CaseAccess {
  readonly canRead: boolean;
  readonly canReview: boolean;
  /** May ask for the applicant's data in full (the server checks the department and audits the reading). */
  readonly canReveal: (status: string) => boolean;
}

export function useCaseAccess(): CaseAccess {
  const { me } = useSession();
  const centreId = useCentreId();
  const grants = grantsOf(me);
  const allows = (permission: 'case.read' | 'case.review' | 'case.private' | 'case.archived-private') => centreId !== null && grantsAllow(grants, permission, { centreId });
  return {
    canRead: allows('case.read'),
    canReview: allows('case.review'),
    canReveal: (status) => allows(status === 'archived' ? 'case.archived-private' : 'case.private'),
  };
}

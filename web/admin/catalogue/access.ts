/**
 * Who may do what in the catalogue, from the server's policy table: catalogue.write
 * (a chief representative within their own department), catalogue.review (§7.3.2.2c
 * legality review: managers).
 */
import { grantsAllow } from '../../../src/platform/auth/policy.ts';
import { useCentreId } from '../lookups.ts';
import { grantsOf } from '../permissions.ts';
import { useSession } from '../session.tsx';

export interface CatalogueAccess {
  /** May open items of this department (the list itself shows the whole centre). */
  readonly canRead: (departmentId?: string | null) => boolean;
  /** May write items of this department (or, with none given, some department of the centre). */
  readonly canWrite: (departmentId?: string | null) => boolean;
  readonly canReview: (departmentId?: string | null) => boolean;
}

export function useCatalogueAccess(): CatalogueAccess {
  const { me } = useSession();
  const centreId = useCentreId();
  const grants = grantsOf(me);
  const allows = (permission: 'catalogue.read' | 'catalogue.write' | 'catalogue.review', departmentId: string | null | undefined) =>
    centreId !== null && grantsAllow(grants, permission, { centreId, departmentId: departmentId ?? null });
  return {
    canRead: (departmentId) => allows('catalogue.read', departmentId),
    canWrite: (departmentId) => allows('catalogue.write', departmentId),
    canReview: (departmentId) => allows('catalogue.review', departmentId),
  };
}

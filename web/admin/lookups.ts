/** The selected centre, what the person may do there, and lists other pages pick from. */
import { api } from '../shared/api.ts';
import type { Permission } from '../../src/platform/auth/policy.ts';
import type { DepartmentView, ItemList, StaffView, ZoneList, ZoneView } from '../shared/types.ts';
import { useLoad } from '../shared/use-load.ts';
import { can } from './permissions.ts';
import { useCentres, useSession } from './session.tsx';

export function useCentreId(): string | null {
  return useCentres().centre?.id ?? null;
}

export function useCan(permission: Permission): boolean {
  const { me } = useSession();
  const centreId = useCentreId();
  return centreId !== null && can(me, permission, centreId);
}

export function centrePath(centreId: string | null, resource: string): string {
  return `/api/v1/centres/${centreId ?? ''}/${resource}`;
}

export function useDepartments() {
  const centreId = useCentreId();
  return useLoad(() => api.get<ItemList<DepartmentView>>(centrePath(centreId, 'departments')), centreId);
}

export function useZones() {
  const centreId = useCentreId();
  return useLoad<ItemList<ZoneView>>(() => api.get<ZoneList>(centrePath(centreId, 'zones')), centreId);
}

export function useStaff() {
  const centreId = useCentreId();
  return useLoad(() => api.get<ItemList<StaffView>>(centrePath(centreId, 'staff')), centreId);
}

/** Select options from a list, by id. */
export function optionsOf<T extends { id: string }>(items: readonly T[] | undefined, label: (item: T) => string) {
  return (items ?? []).map((item) => ({ value: item.id, label: label(item) }));
}

/** The signed-in person and the centre being managed, shared by every admin page. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../shared/api.ts';
import type { CentreView, ItemList, Me } from '../shared/types.ts';
import { useLoad } from '../shared/use-load.ts';

export interface Session {
  readonly me: Me;
  readonly logout: () => Promise<void>;
}

export interface CentreChoice {
  readonly centres: readonly CentreView[];
  readonly centre: CentreView | null;
  readonly loading: boolean;
  readonly error: string | null;
  readonly select: (id: string) => void;
  readonly reload: () => void;
}

const SessionContext = createContext<Session | null>(null);
const CentreContext = createContext<CentreChoice | null>(null);
const STORED_CENTRE = 'govhall.admin.centre';

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

export function CentreProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const list = useLoad(() => api.get<ItemList<CentreView>>('/api/v1/centres'), me.user.id);
  const [selected, setSelected] = useState<string | null>(() => localStorage.getItem(STORED_CENTRE));
  const centres = useMemo(() => list.data?.items ?? [], [list.data]);
  const centre = centres.find((c) => c.id === selected) ?? centres[0] ?? null;

  useEffect(() => {
    if (centre && centre.id !== selected) setSelected(centre.id);
  }, [centre, selected]);

  const select = useCallback((id: string) => {
    localStorage.setItem(STORED_CENTRE, id);
    setSelected(id);
  }, []);

  const value = useMemo<CentreChoice>(
    () => ({ centres, centre, loading: list.loading, error: list.error, select, reload: list.reload }),
    [centres, centre, list.loading, list.error, select, list.reload],
  );
  return <CentreContext.Provider value={value}>{children}</CentreContext.Provider>;
}

export function useCentres(): CentreChoice {
  const c = useContext(CentreContext);
  if (!c) throw new Error('useCentres outside CentreProvider');
  return c;
}

/**
 * The login state of a staff app (the same accounts and cookie session as the admin
 * console): checks /auth/me at start, remembers the CSRF token, and returns to the
 * login page when any call answers 401.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, onUnauthorized, setCsrfToken } from './api.ts';
import type { Me } from './types.ts';

export type StaffSessionState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'anonymous'; readonly notice: string | null }
  | { readonly kind: 'signed-in'; readonly me: Me };

export interface StaffSession {
  readonly state: StaffSessionState;
  /** After a successful POST /auth/login. */
  readonly signedIn: (me: Me) => void;
  readonly logout: () => Promise<void>;
}

export function useStaffSession(): StaffSession {
  const [state, setState] = useState<StaffSessionState>({ kind: 'checking' });

  const signedIn = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    setState({ kind: 'signed-in', me });
  }, []);

  useEffect(() => {
    api
      .get<Me>('/api/v1/auth/me')
      .then(signedIn)
      .catch((e: unknown) => {
        const notice = e instanceof ApiError && e.status === 401 ? null : e instanceof Error ? e.message : null;
        setState({ kind: 'anonymous', notice });
      });
    return onUnauthorized(() => {
      setCsrfToken(null);
      setState((s) => (s.kind === 'signed-in' ? { kind: 'anonymous', notice: '登录已过期，请重新登录' } : s));
    });
  }, [signedIn]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } finally {
      setCsrfToken(null);
      setState({ kind: 'anonymous', notice: null });
    }
  }, []);

  return { state, signedIn, logout };
}

/** Signs in, then shows the console; a 401 from any call returns to the login page. */
import { Flex, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, onUnauthorized, setCsrfToken } from '../shared/api.ts';
import type { Me } from '../shared/types.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { CentreProvider, SessionProvider } from './session.tsx';

type State = { kind: 'checking' } | { kind: 'anonymous'; notice: string | null } | { kind: 'signed-in'; me: Me };

export function AdminApp() {
  const [state, setState] = useState<State>({ kind: 'checking' });

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

  switch (state.kind) {
    case 'checking':
      return (
        <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
          <Spin tip="正在加载…" size="large">
            <div style={{ width: 120, height: 60 }} />
          </Spin>
        </Flex>
      );
    case 'anonymous':
      return <LoginPage notice={state.notice} onSignedIn={signedIn} />;
    case 'signed-in':
      return (
        <SessionProvider session={{ me: state.me, logout }}>
          <CentreProvider>
            <AdminLayout />
          </CentreProvider>
        </SessionProvider>
      );
  }
}

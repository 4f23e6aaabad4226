/**
 * 窗口工作台: log in (the admin console's accounts), choose a counter and sign in to it,
 * then work at it. The chosen counter is remembered per account, so a reload returns
 * to the workbench.
 */
import { Flex, Spin } from 'antd';
import { useCallback, useState } from 'react';
import { LoginPage } from '../shared/LoginPage.tsx';
import { useStaffSession } from '../shared/staff-session.ts';
import type { Me } from '../shared/types.ts';
import { CounterPicker } from './CounterPicker.tsx';
import { WorkbenchPage } from './WorkbenchPage.tsx';

export const APP_TITLE = '政务服务中心 · 窗口工作台';

/** The counter this account works at. */
export interface Station {
  readonly centreId: string;
  readonly counterId: string;
}

const stationKey = (userId: string) => `govhall.counter.station.${userId}`;

function readStation(userId: string): Station | null {
  try {
    const raw = JSON.parse(localStorage.getItem(stationKey(userId)) ?? 'null') as Partial<Station> | null;
    return raw && typeof raw.centreId === 'string' && typeof raw.counterId === 'string' ? { centreId: raw.centreId, counterId: raw.counterId } : null;
  } catch {
    return null;
  }
}

function StationSwitch({ me, logout }: { me: Me; logout: () => Promise<void> }) {
  const [station, setStation] = useState<Station | null>(() => readStation(me.user.id));

  const choose = useCallback(
    (next: Station | null) => {
      if (next) localStorage.setItem(stationKey(me.user.id), JSON.stringify(next));
      else localStorage.removeItem(stationKey(me.user.id));
      setStation(next);
    },
    [me.user.id],
  );

  if (!station) return <CounterPicker me={me} onSignedIn={choose} logout={logout} />;
  return <WorkbenchPage key={station.counterId} me={me} station={station} onLeave={() => choose(null)} logout={logout} />;
}

export function CounterApp() {
  const { state, signedIn, logout } = useStaffSession();
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
      return <LoginPage title={APP_TITLE} notice={state.notice} onSignedIn={signedIn} />;
    case 'signed-in':
      return <StationSwitch key={state.me.user.id} me={state.me} logout={logout} />;
  }
}

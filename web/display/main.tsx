/**
 * 显示屏 (issue 4): the hall display `/display/hall` and the counter screen
 * `/display/counter/{counterId}`, chosen by path; `/display/` asks which one this device
 * is, and `?setup` on either sets the screen up again. No antd here: a display loads only
 * what it draws.
 */
import { StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { navigate, usePathname } from '../shared/router.ts';
import { CounterScreen } from './CounterScreen.tsx';
import { HallScreen } from './HallScreen.tsx';
import { ChooseScreen, SetupScreen } from './SetupScreen.tsx';
import { routeOf, targetPath } from './state.ts';
import { clearSettings, loadSettings, type DisplaySettings } from './settings.ts';
import './display.css';

function DisplayApp() {
  const path = usePathname();
  const route = routeOf(path);
  const [settings, setSettings] = useState<DisplaySettings | null>(loadSettings);
  const [askedForSetup, setAskedForSetup] = useState(() => new URLSearchParams(window.location.search).has('setup'));
  const [notice, setNotice] = useState<string | null>(null);

  const revoked = useCallback(() => {
    clearSettings();
    setSettings(null);
    setNotice('设备令牌已失效（可能已被吊销），请重新设置');
  }, []);

  const done = useCallback((next: DisplaySettings) => {
    const target = targetPath(next.counterId === null ? 'hall' : 'counter', next.counterId);
    // Into the screen's own address (a counter screen's carries its counter), without `?setup`.
    if (target === window.location.pathname) window.history.replaceState(null, '', target);
    else navigate(target);
    setNotice(null);
    setAskedForSetup(false);
    setSettings(next);
  }, []);

  if (!route.kind) return <ChooseScreen />;
  // A counter screen needs its counter, from the address or from the set-up.
  const counterId = route.kind === 'counter' ? (route.counterId ?? settings?.counterId ?? null) : null;
  if (!settings || askedForSetup || (route.kind === 'counter' && counterId === null)) {
    return <SetupScreen key={path} kind={route.kind} counterId={route.counterId} notice={notice} onDone={done} />;
  }
  return route.kind === 'hall' ? (
    <HallScreen settings={settings} onRevoked={revoked} />
  ) : (
    <CounterScreen key={counterId} settings={settings} counterId={counterId!} onRevoked={revoked} />
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
createRoot(root).render(
  <StrictMode>
    <DisplayApp />
  </StrictMode>,
);

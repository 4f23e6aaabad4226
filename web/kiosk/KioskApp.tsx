/**
 * The kiosk app: the set-up screen until a device token is stored, then the kiosk of
 * the token's centre. At each start the stored token is exchanged for the device session
 * again (web/shared/device.ts) before the kiosk shows: a token the server refuses
 * (revoked) brings the set-up screen back, while a server that cannot be reached leaves
 * the kiosk running on what it remembered (it shows the connection problem).
 */
import { useCallback, useEffect, useState } from 'react';
import { navigate, usePathname } from '../shared/router.ts';
import type { IssueRequest } from './DetailsScreen.tsx';
import { clearDevice, connectDevice, isTokenRefused, issueAsKiosk, loadDevice, type KioskDevice } from './device.ts';
import { Kiosk } from './Kiosk.tsx';
import { SetupScreen } from './SetupScreen.tsx';

const REFUSED_NOTICE = '本机的设备令牌已失效（可能已被吊销），请重新设置。';

export function KioskApp() {
  const pathname = usePathname();
  const [device, setDevice] = useState<KioskDevice | null>(loadDevice);
  // The stored token is checked once per start; the kiosk waits for the answer, so that
  // its first ticket already carries the token.
  const [checking, setChecking] = useState(device !== null);
  const [notice, setNotice] = useState<string | null>(null);
  const wantsSetup = pathname.replace(/\/+$/, '') === '/kiosk/setup';

  const refused = useCallback(() => {
    void clearDevice();
    setDevice(null);
    setNotice(REFUSED_NOTICE);
  }, []);

  const [startedWithDevice] = useState(checking);
  useEffect(() => {
    if (!startedWithDevice) return;
    connectDevice()
      .then(setDevice)
      .catch((e: unknown) => {
        if (isTokenRefused(e)) refused();
      })
      .finally(() => setChecking(false));
  }, [startedWithDevice, refused]);

  const issue = useCallback(
    (request: IssueRequest) => {
      if (!device) return Promise.reject(new Error('取号机尚未设置'));
      return issueAsKiosk(device, request).catch((e: unknown) => {
        if (isTokenRefused(e)) refused();
        throw e;
      });
    },
    [device, refused],
  );

  if (!device || wantsSetup) {
    return (
      <SetupScreen
        notice={notice}
        onReady={(d) => {
          setDevice(d);
          setNotice(null);
          if (wantsSetup) navigate('/kiosk/');
        }}
      />
    );
  }
  if (checking) {
    return (
      <div className="kiosk">
        <main className="k-main">
          <h1>自助取号</h1>
          <p role="status">正在连接服务器…</p>
        </main>
      </div>
    );
  }
  return <Kiosk key={device.centreId} centreId={device.centreId} deviceName={device.name} issue={issue} />;
}

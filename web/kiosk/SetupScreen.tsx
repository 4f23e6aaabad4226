/**
 * 取号机设置: done once by whoever installs the kiosk. The device token (made under 设备令牌
 * in the admin console, role 取号机) is checked with the server and remembered; from then
 * on the kiosk starts by itself. Reached again at /kiosk/setup, or when the server
 * refuses the stored token (revoked).
 */
import { useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../shared/api.ts';
import { connectDevice, WrongDeviceRole, type KioskDevice } from './device.ts';

function setupMessage(error: unknown): string {
  if (error instanceof WrongDeviceRole) return error.message;
  if (error instanceof ApiError && error.status === 401) return '设备令牌无效或已被吊销，请在管理后台“设备令牌”中重新生成';
  return messageOf(error);
}

export function SetupScreen({ notice, onReady }: { notice: string | null; onReady: (device: KioskDevice) => void }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = token.trim();
    if (!t) {
      setError('请输入设备令牌');
      return;
    }
    setBusy(true);
    setError(null);
    connectDevice(t)
      .then(onReady)
      .catch((err: unknown) => setError(setupMessage(err)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="kiosk">
      <header className="k-header">
        <div className="k-brand">
          <p className="k-centre">政务服务中心</p>
          <p className="k-subtitle">自助取号机</p>
        </div>
      </header>
      <main className="k-main">
        <div className="k-setup">
          <h1 tabIndex={-1}>取号机设置</h1>
          <p>本页面由管理人员在安装取号机时填写一次。请在管理后台“设备令牌”中为本机新建一个角色为“取号机”的令牌，将其粘贴到下方。</p>
          {notice && (
            <p className="k-notice" role="status">
              {notice}
            </p>
          )}
          <form onSubmit={submit} noValidate>
            <label htmlFor="kiosk-token">设备令牌</label>
            <input
              id="kiosk-token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={token}
              onChange={(e) => setToken(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'kiosk-token-error' : undefined}
            />
            {error && (
              <p id="kiosk-token-error" className="k-error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" className="k-primary" disabled={busy}>
              {busy ? '正在验证…' : '保存并启动'}
            </button>
          </form>
        </div>
      </main>
    </div>
  );
}

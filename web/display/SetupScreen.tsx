/**
 * 显示屏设置: done once by whoever installs the screen. The device token (made under
 * 设备令牌 in the admin console, role 显示屏) is exchanged for a session, then the centre
 * (for the hall) and the counter (for a counter screen) are chosen; all of it is
 * remembered, so the screen starts by itself from then on.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, api, messageOf } from '../shared/api.ts';
import type { CentreView, CounterView, ItemList } from '../shared/types.ts';
import { bootstrapPath, screenPath, type ScreenKind } from './state.ts';
import { startDeviceSession, storedDeviceToken } from '../shared/device.ts';
import { loadSettings, saveSettings, type DisplaySettings } from './settings.ts';

function setupMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return '设备令牌无效或已被吊销，请在管理后台“设备令牌”中重新生成';
    if (error.status === 403) return '此令牌不能用于显示屏：请使用角色为“显示屏”的设备令牌';
  }
  return messageOf(error);
}

export interface SetupProps {
  readonly kind: ScreenKind;
  readonly counterId: string | null;
  readonly notice: string | null;
  /** The settings were checked and saved: show the screen. */
  readonly onDone: (settings: DisplaySettings) => void;
}

export function SetupScreen({ kind, counterId: pathCounterId, notice, onDone }: SetupProps) {
  const previous = loadSettings();
  const [token, setToken] = useState(() => storedDeviceToken() ?? '');
  const [centres, setCentres] = useState<CentreView[] | null>(null);
  const [centreId, setCentreId] = useState(previous?.centreId ?? '');
  const [counters, setCounters] = useState<CounterView[] | null>(null);
  const [counterId, setCounterId] = useState(pathCounterId ?? previous?.counterId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(notice);

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    const t = token.trim();
    if (!t) {
      setError('请输入设备令牌');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const device = await startDeviceSession(t);
      if (device.role !== 'display') throw new Error(`此令牌是“${device.name}”的令牌，不能用于显示屏：请使用角色为“显示屏”的设备令牌`);
      // A device token belongs to one centre: the list holds that one (staff tokens would see more).
      const { items } = await api.get<ItemList<CentreView>>('/api/v1/centres');
      const live = items.filter((c) => c.retiredAt === null);
      if (live.length === 0) throw new Error('此令牌所属中心不存在或已撤销');
      setCentres(live);
      setCentreId(live.some((c) => c.id === device.centreId) ? device.centreId : live[0]!.id);
    } catch (e) {
      setError(e instanceof ApiError ? setupMessage(e) : e instanceof Error ? e.message : messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (kind !== 'counter' || !centres || !centreId) return;
    let current = true;
    api
      .get<ItemList<CounterView>>(`/api/v1/centres/${centreId}/counters`)
      .then(({ items }) => {
        if (!current) return;
        setCounters(items);
        setCounterId((id) => (items.some((c) => c.id === id) ? id : (items[0]?.id ?? '')));
      })
      .catch((e: unknown) => current && setError(setupMessage(e)));
    return () => {
      current = false;
    };
  }, [kind, centres, centreId]);

  const start = async () => {
    const centre = centres?.find((c) => c.id === centreId);
    if (!centre) return;
    if (kind === 'counter' && !counterId) {
      setError('请选择窗口');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // Checked before it is remembered: the token must be allowed to read this screen.
      await api.get(kind === 'hall' ? bootstrapPath(centre.id) : screenPath(counterId));
      const settings: DisplaySettings = { centreId: centre.id, centreName: centre.name, counterId: kind === 'counter' ? counterId : null };
      saveSettings(settings);
      onDone(settings);
    } catch (e) {
      setError(setupMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const title = kind === 'hall' ? '大厅叫号显示屏设置' : '窗口显示屏设置';
  return (
    <div className="screen" style={{ overflow: 'auto' }}>
      <div className="setup" role="main">
        <h1>{title}</h1>
        <p>请输入在管理后台“设备令牌”中为本显示屏生成的令牌（角色：显示屏）。设置只需一次，之后显示屏会自动连接、断线自动重连。</p>
        {kind === 'hall' && (
          <p>
            语音叫号：浏览器需点击一次才允许发声。显示屏电脑宜以全屏模式启动浏览器并允许自动播放声音（如 Chrome 启动参数
            --kiosk --autoplay-policy=no-user-gesture-required），重启后无需再点击。
          </p>
        )}
        <form onSubmit={(e) => void connect(e)}>
          <label htmlFor="device-token">设备令牌</label>
          <input
            id="device-token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            placeholder="ghd_…"
          />
          <div className="buttons">
            <button type="submit" disabled={busy} className={centres ? 'secondary' : undefined}>
              {centres ? '重新连接' : '连接'}
            </button>
          </div>
        </form>

        {centres && (
          <>
            <label htmlFor="centre">政务服务中心</label>
            <select id="centre" value={centreId} onChange={(e) => setCentreId(e.target.value)}>
              {centres.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {kind === 'counter' && (
              <>
                <label htmlFor="counter">窗口</label>
                <select id="counter" value={counterId} onChange={(e) => setCounterId(e.target.value)} disabled={!counters}>
                  {(counters ?? []).map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.number}号窗口 · {c.name}
                    </option>
                  ))}
                </select>
              </>
            )}
            <div className="buttons">
              <button type="button" disabled={busy || (kind === 'counter' && !counterId)} onClick={() => void start()}>
                开始显示
              </button>
            </div>
          </>
        )}
        {error && (
          <div className="error" role="alert">
            {error}
          </div>
        )}
      </div>
    </div>
  );
}

/** /display/: which screen this device is. */
export function ChooseScreen() {
  return (
    <div className="screen" style={{ overflow: 'auto' }}>
      <div className="setup" role="main">
        <h1>政务服务中心显示屏</h1>
        <p>请选择本设备的用途。</p>
        <nav className="choices">
          <a href="/display/hall?setup">大厅叫号显示屏（1920×1080）</a>
          <a href="/display/counter/?setup">窗口显示屏（窗口上方）</a>
        </nav>
      </div>
    </div>
  );
}

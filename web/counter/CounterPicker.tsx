/**
 * 选择窗口: the clerk picks a counter of the centre and signs in to it; the counter's
 * status board then shows them (DB36/T 2016 §5.1.5.1: photo, name, title, work number).
 * Comprehensive counters come first: they share one pool of tickets (§7.1.6.2 抢单).
 */
import { Alert, Button, Card, Empty, Flex, Input, Select, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { COUNTER_KIND_LABELS, COUNTER_STATUS_LABELS, type CounterKind } from '../../src/domain/organisation/types.ts';
import { api } from '../shared/api.ts';
import type { CentreView, CounterView, ItemList, Me } from '../shared/types.ts';
import { useLoad } from '../shared/use-load.ts';
import type { Station } from './CounterApp.tsx';
import { workstationMessage } from './messages.ts';
import { STATUS_COLOURS } from './status.ts';

const STORED_CENTRE = 'govhall.counter.centre';
const KIND_ORDER: readonly CounterKind[] = ['comprehensive', 'professional', 'special', 'tidal', 'extended'];
/** Roles that serve at a counter (policy: ticket.serve, counter.status). */
const SERVING_ROLES = new Set(['system_admin', 'centre_manager', 'chief_representative', 'window_clerk']);

/** Why this account may not work at the counter, or null. A department-bound clerk serves its department's and the shared counters. */
export function refusalFor(me: Me, counter: CounterView): string | null {
  const grants = me.user.roles.filter((g) => SERVING_ROLES.has(g.role) && (g.centreId === null || g.centreId === counter.centreId));
  if (grants.length === 0) return '您的账号没有窗口工作人员权限';
  if (counter.departmentId && grants.every((g) => g.departmentId !== null && g.departmentId !== counter.departmentId)) {
    return `本窗口属于${counter.departmentName ?? '其他部门'}，仅限该部门人员`;
  }
  return null;
}

export function CounterPicker({ me, onSignedIn, logout }: { me: Me; onSignedIn: (station: Station) => void; logout: () => Promise<void> }) {
  const centres = useLoad(() => api.get<ItemList<CentreView>>('/api/v1/centres'), me.user.id);
  const live = useMemo(() => (centres.data?.items ?? []).filter((c) => !c.retiredAt), [centres.data]);
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(STORED_CENTRE));
  const centre = live.find((c) => c.id === chosen) ?? live[0] ?? null;
  const counters = useLoad(() => api.get<ItemList<CounterView>>(`/api/v1/centres/${centre!.id}/counters`), centre?.id ?? null);
  const [filter, setFilter] = useState('');
  const [signingIn, setSigningIn] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const groups = useMemo(() => {
    const f = filter.trim();
    const list = (counters.data?.items ?? []).filter((c) => !c.retiredAt && (!f || c.number.includes(f) || c.name.includes(f) || (c.areaName ?? '').includes(f)));
    return KIND_ORDER.map((kind) => ({ kind, counters: list.filter((c) => c.kind === kind) })).filter((g) => g.counters.length > 0);
  }, [counters.data, filter]);

  const signIn = async (counter: CounterView) => {
    setSigningIn(counter.id);
    setError(null);
    try {
      await api.post(`/api/v1/counters/${counter.id}/sign-in`);
      onSignedIn({ centreId: counter.centreId, counterId: counter.id });
    } catch (e) {
      setError(`${counter.number} 号窗口签到失败：${workstationMessage(e)}`);
      setSigningIn(null);
    }
  };

  return (
    <div className="cw-picker">
      <Flex component="header" align="center" gap={12} wrap className="cw-picker-header">
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          窗口工作台 · 选择窗口签到
        </Typography.Title>
        <span style={{ flex: 1 }} />
        {live.length > 1 ? (
          <Select
            aria-label="当前中心"
            value={centre?.id}
            style={{ minWidth: 220 }}
            onChange={(id) => {
              localStorage.setItem(STORED_CENTRE, id);
              setChosen(id);
            }}
            options={live.map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : centre ? (
          <Typography.Text strong>{centre.name}</Typography.Text>
        ) : null}
        <Typography.Text>{me.user.displayName}</Typography.Text>
        <Button onClick={() => void logout()}>退出登录</Button>
      </Flex>
      <main className="cw-picker-main">
        {centres.error ? <Alert type="error" showIcon role="alert" title={centres.error} /> : null}
        {counters.error ? <Alert type="error" showIcon role="alert" title={counters.error} action={<Button onClick={counters.reload}>重试</Button>} /> : null}
        {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} closable={{ onClose: () => setError(null) }} /> : null}
        {!centres.loading && centres.data && live.length === 0 ? <Empty description="您的账号没有可用的服务中心" /> : null}
        <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label="查找窗口"
            placeholder="输入窗口编号或名称"
            allowClear
            autoFocus
            style={{ maxWidth: 320 }}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onSearch={(value) => {
              // Enter on an exact counter number signs in to it, as on a keypad.
              const match = (counters.data?.items ?? []).find((c) => !c.retiredAt && c.number === value.trim());
              if (match && !refusalFor(me, match)) void signIn(match);
            }}
          />
          <Typography.Text type="secondary">点击窗口或输入编号后按回车签到。签到后，窗口屏将显示您的照片、姓名、职务和工号（§5.1.5.1）。</Typography.Text>
        </Flex>
        <Spin spinning={counters.loading || centres.loading}>
          {groups.map((g) => (
            <section key={g.kind} aria-labelledby={`kind-${g.kind}`} className="cw-picker-group">
              <Typography.Title level={2} id={`kind-${g.kind}`} style={{ fontSize: 16 }}>
                {COUNTER_KIND_LABELS[g.kind]}
                {g.kind === 'comprehensive' ? <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>（共享叫号池，抢单，§7.1.6.2）</Typography.Text> : null}
              </Typography.Title>
              <div className="cw-picker-grid">
                {g.counters.map((c) => {
                  const refusal = refusalFor(me, c);
                  return (
                    <Card key={c.id} size="small" className="cw-picker-card">
                      <Flex vertical gap={6}>
                        <Flex align="baseline" gap={8}>
                          <span className="cw-picker-number">{c.number} 号</span>
                          <Tag color={STATUS_COLOURS[c.status]}>{COUNTER_STATUS_LABELS[c.status]}</Tag>
                        </Flex>
                        <Typography.Text ellipsis={{ tooltip: c.name }}>{c.name}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {[c.areaName, c.departmentName, c.zoneName].filter(Boolean).join(' · ') || COUNTER_KIND_LABELS[c.kind]}
                        </Typography.Text>
                        <Button
                          type={g.kind === 'comprehensive' ? 'primary' : 'default'}
                          disabled={refusal !== null || (signingIn !== null && signingIn !== c.id)}
                          loading={signingIn === c.id}
                          title={refusal ?? undefined}
                          aria-label={`签到 ${c.number} 号窗口（${c.name}）`}
                          onClick={() => void signIn(c)}
                        >
                          签到
                        </Button>
                        {refusal ? (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {refusal}
                          </Typography.Text>
                        ) : null}
                      </Flex>
                    </Card>
                  );
                })}
              </div>
            </section>
          ))}
          {!counters.loading && counters.data && groups.length === 0 ? <Empty description={filter ? '没有符合的窗口' : '本中心还没有窗口'} /> : null}
        </Spin>
      </main>
    </div>
  );
}

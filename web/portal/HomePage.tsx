/** The portal's home: the centres; with a single centre, its page straight away. */
import { useEffect } from 'react';
import { api } from '../shared/api.ts';
import { linkClick } from '../shared/router.ts';
import { useLoad } from '../shared/use-load.ts';
import { CentrePage } from './CentrePage.tsx';
import { paths } from './routes.ts';
import type { PublicCentreSummary } from './types.ts';

export function HomePage({ onCentre }: { onCentre: (id: string) => void }) {
  const { data, loading, error } = useLoad(() => api.get<{ items: PublicCentreSummary[] }>('/api/v1/public/centres'), 'centres');
  useEffect(() => {
    document.title = '办事服务门户 · 政务服务中心';
  }, []);
  const centres = data?.items ?? [];
  const single = centres.length === 1 ? centres[0]?.id : undefined;
  useEffect(() => {
    if (single) onCentre(single);
  }, [single, onCentre]);
  if (centres.length === 1 && centres[0]) return <CentrePage centreId={centres[0].id} />;
  return (
    <>
      <h1>政务服务中心</h1>
      {loading && <p role="status" className="loading">正在加载…</p>}
      {error && <p role="alert" className="error">{error}</p>}
      {data && centres.length === 0 && <p>暂无对外开放的政务服务中心。</p>}
      <p className="take-ticket-link">
        <a href={paths.cases()} onClick={linkClick(paths.cases())}>
          办件进度查询
        </a>
        <span className="muted">：凭办件编号和手机号后四位，查询办件所处环节和办结时间</span>
      </p>
      {centres.length > 1 && (
        <ul className="centre-list">
          {centres.map((c) => (
            <li key={c.id}>
              <a href={paths.centre(c.id)} onClick={linkClick(paths.centre(c.id))}>
                {c.name}
              </a>
              <span className="muted">（{c.levelLabel}）{c.address}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * A centre's public page: address, service hours with the extended and off-peak windows
 * (DB36/T 2016 §8.1.3.5), phones (§5.1.3.1), free Wi-Fi (§5.2.3.2), the floor index
 * (§5.1.3.2), the counters and what they handle, the staff board (§5.1.3.3), and the
 * way to its published lists and "一件事" bundles (§8.2).
 */
import { useEffect } from 'react';
import { api } from '../shared/api.ts';
import { useLoad } from '../shared/use-load.ts';
import { linkClick } from '../shared/router.ts';
import { windowText } from './format.ts';
import { paths } from './routes.ts';
import { SearchForm } from './SearchForm.tsx';
import type { BoardEntry, CentreLists, PublicCentre } from './types.ts';

/** §8.2: the lists page, and each "高效办成一件事" bundle (§8.2.4) straight away. */
function Lists({ centreId }: { centreId: string }) {
  const lists = useLoad(() => api.get<CentreLists>(`/api/v1/public/centres/${centreId}/lists`), centreId);
  const bundles = lists.data?.bundles ?? [];
  return (
    <section aria-labelledby="lists-title" className="panel wide">
      <h2 id="lists-title">事项清单公开</h2>
      <p>
        帮代办、24小时自助办、免证办、“跨省通办”、告知承诺、容缺受理、延时错时和预约服务等事项清单：
        <a href={paths.lists(centreId)} onClick={linkClick(paths.lists(centreId))}>
          查看清单公开
        </a>
      </p>
      {bundles.length > 0 && (
        <>
          <h3>“高效办成一件事”</h3>
          <ul className="bundle-links">
            {bundles.map((b) => (
              <li key={b.id}>
                <a href={paths.bundle(b.id)} onClick={linkClick(paths.bundle(b.id))}>
                  {b.name}
                </a>
                <span className="muted">（{b.items.length} 个事项一次办）</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Hours({ centre }: { centre: PublicCentre }) {
  const h = centre.serviceHours;
  return (
    <section aria-labelledby="hours-title" className="panel">
      <h2 id="hours-title">服务时间</h2>
      <dl className="facts">
        <dt>工作日上午</dt>
        <dd>{windowText(h.morning)}</dd>
        <dt>工作日下午</dt>
        <dd>{windowText(h.afternoon)}</dd>
        <dt>午间</dt>
        <dd>{h.lunchService ? `午休不打烊：${h.morning.end}—${h.afternoon.start} 照常服务` : '午休期间暂停服务'}</dd>
        <dt>早间错时服务</dt>
        <dd>{h.early ? `${windowText(h.early)}（预约办理）` : '不提供'}</dd>
        <dt>晚间延时服务</dt>
        <dd>{h.late ? `${windowText(h.late)}（预约办理）` : '不提供'}</dd>
        <dt>星期六</dt>
        <dd>{h.saturday ? `${windowText(h.saturday)}（预约办理）` : '不提供'}</dd>
        <dt>星期日</dt>
        <dd>{h.sunday ? `${windowText(h.sunday)}（预约办理）` : '不提供'}</dd>
      </dl>
      <p className="muted">法定节假日休息，调休上班日按工作日时间服务。</p>
    </section>
  );
}

function Phones({ centre }: { centre: PublicCentre }) {
  const p = centre.phones;
  const rows: [string, string][] = [
    ['咨询电话', p.consultation],
    ['预约电话', p.appointment],
    ['投诉电话', p.complaint],
    ['监督电话', p.supervision],
  ];
  return (
    <section aria-labelledby="phones-title" className="panel">
      <h2 id="phones-title">联系电话</h2>
      <dl className="facts">
        {rows.map(([label, phone]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>
              <a href={`tel:${phone.replace(/[^0-9+]/g, '')}`}>{phone}</a>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Wifi({ centre }: { centre: PublicCentre }) {
  return (
    <section aria-labelledby="wifi-title" className="panel">
      <h2 id="wifi-title">免费无线网络</h2>
      {centre.wifi ? (
        <dl className="facts">
          <dt>网络名称</dt>
          <dd>{centre.wifi.ssid}</dd>
          <dt>密码</dt>
          <dd>{centre.wifi.password || '无需密码'}</dd>
          {centre.wifi.notice && (
            <>
              <dt>说明</dt>
              <dd>{centre.wifi.notice}</dd>
            </>
          )}
        </dl>
      ) : (
        <p>本中心暂未提供免费无线网络。</p>
      )}
    </section>
  );
}

function Floors({ centre }: { centre: PublicCentre }) {
  return (
    <section aria-labelledby="floors-title" className="panel wide">
      <h2 id="floors-title">楼层索引</h2>
      {centre.floors.length === 0 ? (
        <p>暂无楼层信息。</p>
      ) : (
        <div className="floors">
          {centre.floors.map((f) => (
            <div key={f.floor} className="floor">
              <h3>{f.floor}</h3>
              <ul>
                {f.zones.map((z) => (
                  <li key={z.id}>
                    {z.name}
                    {z.name !== z.kindLabel && <span className="muted">（{z.kindLabel}）</span>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

function Counters({ centre }: { centre: PublicCentre }) {
  return (
    <section aria-labelledby="counters-title" className="panel wide">
      <h2 id="counters-title">服务窗口</h2>
      {centre.counters.length === 0 ? (
        <p>暂无服务窗口信息。</p>
      ) : (
        <ul className="counters">
          {centre.counters.map((c) => (
            <li key={c.id} className="counter-card">
              <p className="counter-number">
                <span className="counter-no">{c.number} 号窗口</span>
                <span className={`status status-${c.status}`}>{c.statusLabel}</span>
              </p>
              <p className="counter-name">{c.name}</p>
              <p className="muted">
                {c.kindLabel}
                {c.departmentName && ` · ${c.departmentName}`}
                {c.areaName && ` · ${c.areaName}`}
                {c.zoneName && ` · 位于${c.zoneName}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StaffCard({ s }: { s: BoardEntry }) {
  return (
    <li className="staff-card">
      {s.photoUrl ? (
        <img src={s.photoUrl} alt={`${s.name}的照片`} width={72} height={96} loading="lazy" />
      ) : (
        <span className="staff-avatar" aria-hidden="true">
          {s.name.slice(0, 1)}
        </span>
      )}
      <div>
        <p className="staff-name">{s.name}</p>
        <p className="muted">
          {s.title ?? '工作人员'} · 工号 {s.workNumber}
        </p>
        {s.departmentName && <p className="muted">{s.departmentName}</p>}
        {s.duties.length > 0 && <p>岗位职责：{s.duties.join('、')}</p>}
      </div>
    </li>
  );
}

export function CentrePage({ centreId }: { centreId: string }) {
  const { data: centre, loading, error } = useLoad(() => api.get<PublicCentre>(`/api/v1/public/centres/${centreId}`), centreId);
  useEffect(() => {
    if (centre) document.title = `${centre.name} · 办事服务门户`;
  }, [centre]);

  if (!centre) {
    return (
      <>
        <h1>政务服务中心</h1>
        {loading && <p role="status" className="loading">正在加载…</p>}
        {error && <p role="alert" className="error">{error}</p>}
      </>
    );
  }
  return (
    <>
      <h1>{centre.name}</h1>
      <p className="lead">
        <span className="muted">{centre.levelLabel}政务服务中心 · </span>
        地址：{centre.address}
        {centre.latitude !== null && centre.longitude !== null && (
          <span className="muted">
            （位置：北纬 {centre.latitude.toFixed(4)}°，东经 {centre.longitude.toFixed(4)}°）
          </span>
        )}
      </p>
      <SearchForm centreId={centre.id} />
      <p className="take-ticket-link">
        <a href={paths.takeTicket(centre.id)} onClick={linkClick(paths.takeTicket(centre.id))}>
          手机取号
        </a>
        <span className="muted">：在服务时间内远程排队，到号前在手机上查看进度</span>
      </p>
      <p className="take-ticket-link">
        <a href={paths.cases()} onClick={linkClick(paths.cases())}>
          办件进度查询
        </a>
        <span className="muted">：凭办件编号和手机号后四位，查询办件所处环节和办结时间</span>
      </p>
      <div className="panels">
        <Lists centreId={centre.id} />
        <Hours centre={centre} />
        <Phones centre={centre} />
        <Wifi centre={centre} />
        <Floors centre={centre} />
        <Counters centre={centre} />
        <section aria-labelledby="board-title" className="panel wide">
          <h2 id="board-title">岗位公示</h2>
          {centre.staffBoard.length === 0 ? (
            <p>暂无岗位公示信息。</p>
          ) : (
            <ul className="staff-board">
              {centre.staffBoard.map((s) => (
                <StaffCard key={s.id} s={s} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

/**
 * 清单公开: every list a centre publishes (DB36/T 2016 §8.2) — 帮代办 (§8.2.2), 24 小时
 * 自助办 (§8.2.3), "高效办成一件事" (§8.2.4), 免证办 (§8.2.5), 跨省/省内/市内通办
 * (§8.2.6), 告知承诺 and 容缺受理 with its conditions and completion deadlines
 * (§8.2.7), 延时错时 and 预约 (§8.2.8). Each entry links to its guide, each list
 * downloads as .xlsx. Tables have captions and column headers (§5.2.2.2 无障碍网页).
 */
import { useEffect } from 'react';
import { api } from '../shared/api.ts';
import { linkClick } from '../shared/router.ts';
import { useLoad } from '../shared/use-load.ts';
import { timeLimitText } from './format.ts';
import { LISTS, type ListInfo } from './lists.ts';
import { files, paths } from './routes.ts';
import type { BundleEntry, CentreLists, ListEntry, PublicCentre, ToleranceEntry } from './types.ts';

const STANDARD = 'DB36/T 2016—2024';

function sectionId(kind: string): string {
  return `list-${kind}`;
}

function countOf(lists: CentreLists, kind: ListInfo['kind']): number {
  return lists[kind].length;
}

function ItemLink({ entry }: { entry: ListEntry }) {
  return (
    <a href={paths.item(entry.id)} onClick={linkClick(paths.item(entry.id))}>
      {entry.name || '（未命名事项）'}
    </a>
  );
}

function ItemTable({ info, rows }: { info: ListInfo; rows: readonly ListEntry[] }) {
  return (
    <div className="table-wrap">
      <table className="list-table stack">
        <caption>
          {info.title}（共 {rows.length} 项）
        </caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">事项名称</th>
            <th scope="col">实施编码</th>
            <th scope="col">实施部门</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id}>
              <td className="num" data-label="序号">
                {i + 1}
              </td>
              <td data-label="事项名称">
                <ItemLink entry={r} />
              </td>
              <td className="code" data-label="实施编码">
                {r.code}
              </td>
              <td data-label="实施部门">{r.department ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** §8.2.7 明确容缺受理条件范围、补齐材料时限: one row per tolerated material. */
function ToleranceTable({ info, rows }: { info: ListInfo; rows: readonly ToleranceEntry[] }) {
  return (
    <div className="table-wrap">
      <table className="list-table stack">
        <caption>
          {info.title}（共 {rows.length} 项）
        </caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">事项名称</th>
            <th scope="col">实施部门</th>
            <th scope="col">可容缺材料</th>
            <th scope="col">容缺条件</th>
            <th scope="col">补齐时限</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((r, i) => {
            const materials = r.materials.length > 0 ? r.materials : [null];
            const span = materials.length;
            return materials.map((m, j) => (
              <tr key={`${r.id}-${j}`}>
                {j === 0 && (
                  <>
                    <td className="num" rowSpan={span} data-label="序号">
                      {i + 1}
                    </td>
                    <td rowSpan={span} data-label="事项名称">
                      <ItemLink entry={r} />
                    </td>
                    <td rowSpan={span} data-label="实施部门">
                      {r.department ?? ''}
                    </td>
                  </>
                )}
                <td data-label="可容缺材料">{m?.name ?? '—'}</td>
                <td data-label="容缺条件">{m?.conditions ?? '—'}</td>
                <td className="limit" data-label="补齐时限">{m ? timeLimitText(m.completionDeadline) : '—'}</td>
              </tr>
            ));
          })}
        </tbody>
      </table>
    </div>
  );
}

/** §8.2.4: each bundle with its items; the bundle opens its own guide page. */
function BundleTable({ info, rows }: { info: ListInfo; rows: readonly BundleEntry[] }) {
  return (
    <div className="table-wrap">
      <table className="list-table stack">
        <caption>
          {info.title}（共 {rows.length} 件）
        </caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">“一件事”名称</th>
            <th scope="col">包含事项</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b, i) => (
            <tr key={b.id}>
              <td className="num" data-label="序号">
                {i + 1}
              </td>
              <td data-label="“一件事”名称">
                <a href={paths.bundle(b.id)} onClick={linkClick(paths.bundle(b.id))} className="bundle-link">
                  {b.name}
                </a>
              </td>
              <td data-label="包含事项">
                <ul className="plain-list">
                  {b.items.map((it) => (
                    <li key={it.id}>
                      <ItemLink entry={it} />
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ListSection({ centreId, info, lists }: { centreId: string; info: ListInfo; lists: CentreLists }) {
  const id = sectionId(info.kind);
  const count = countOf(lists, info.kind);
  let body;
  if (count === 0) body = <p>本清单暂无事项。</p>;
  else if (info.kind === 'toleranceAcceptance') body = <ToleranceTable info={info} rows={lists.toleranceAcceptance} />;
  else if (info.kind === 'bundles') body = <BundleTable info={info} rows={lists.bundles} />;
  else body = <ItemTable info={info} rows={lists[info.kind]} />;
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="panel wide list-section">
      <h2 id={`${id}-title`}>{info.title}</h2>
      <p className="muted">
        依据 {STANDARD} {info.clause} 公布
      </p>
      {info.kind === 'toleranceAcceptance' && count > 0 && <p>所列材料暂缺时可先行受理，请按容缺条件办理，并在补齐时限内补交材料。</p>}
      {body}
      <p className="list-actions">
        <a href={files.listXlsx(centreId, info.kind)} download>
          下载 Excel 表格：{info.title}
        </a>
        {info.kind !== 'bundles' && count > 0 && (
          <a href={paths.items(centreId, undefined, info.kind)} onClick={linkClick(paths.items(centreId, undefined, info.kind))}>
            在办事指南查询中查看{info.title}
          </a>
        )}
      </p>
    </section>
  );
}

export function ListsPage({ centreId }: { centreId: string }) {
  const centre = useLoad(() => api.get<PublicCentre>(`/api/v1/public/centres/${centreId}`), centreId);
  const lists = useLoad(() => api.get<CentreLists>(`/api/v1/public/centres/${centreId}/lists`), centreId);
  useEffect(() => {
    document.title = `清单公开 · ${centre.data?.name ?? '政务服务中心'}`;
  }, [centre.data]);
  const data = lists.data;

  return (
    <>
      <h1>清单公开</h1>
      {centre.data && <p className="lead">{centre.data.name}</p>}
      <p>以下清单依据 {STANDARD}《政务服务中心运行规范》第 8.2 条公布，列出本中心已发布办事指南的事项；点击事项名称可查看办事指南。</p>
      {lists.loading && (
        <p role="status" className="loading">
          正在加载…
        </p>
      )}
      {lists.error && (
        <p role="alert" className="error">
          清单暂时无法查询，请稍后再试，或拨打咨询电话。
        </p>
      )}
      {data && (
        <>
          <nav aria-label="清单目录" className="panel wide toc">
            <h2 className="toc-title">清单目录</h2>
            <ol>
              {LISTS.map((l) => (
                <li key={l.kind}>
                  <a href={`#${sectionId(l.kind)}`}>{l.title}</a>
                  <span className="muted">
                    （{countOf(data, l.kind)} {l.kind === 'bundles' ? '件' : '项'}）
                  </span>
                </li>
              ))}
            </ol>
          </nav>
          {LISTS.map((l) => (
            <ListSection key={l.kind} centreId={centreId} info={l} lists={data} />
          ))}
        </>
      )}
    </>
  );
}

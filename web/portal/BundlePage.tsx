/**
 * The guide of a "高效办成一件事" bundle (DB36/T 2016 §8.2.4 制定相应办事指南和流程图，
 * 纳入综合窗口统一受理): its items, the flow as ordered steps, the one merged material
 * list and the counter that accepts it; with the printable guide (PDF).
 */
import { useEffect } from 'react';
import { COUNTER_KIND_LABELS, type CounterKind } from '../../src/domain/organisation/types.ts';
import { api, ApiError } from '../shared/api.ts';
import { linkClick } from '../shared/router.ts';
import { useLoad } from '../shared/use-load.ts';
import { timeLimitText } from './format.ts';
import { files, paths } from './routes.ts';
import type { BundleView, MergedMaterial } from './types.ts';

type BundleItem = BundleView['items'][number];

function counterLabel(kind: string): string {
  return COUNTER_KIND_LABELS[kind as CounterKind] ?? kind;
}

function ItemName({ item }: { item: BundleItem | undefined }) {
  if (!item) return <>（未知事项）</>;
  // A draft's name is not public: the API blanks it (§7.3.2.1 only published versions).
  if (item.publishedNumber === null) return <span className="muted">（办事指南暂未公布的事项）</span>;
  return (
    <a href={paths.item(item.id)} onClick={linkClick(paths.item(item.id))}>
      {item.name}
    </a>
  );
}

/** Notes joined by the merge (one per item asking for the material), each said once. */
function distinct(text: string | null | undefined): string {
  return [...new Set((text ?? '').split('；').map((t) => t.trim()).filter(Boolean))].join('；');
}

function MaterialCard({ m, index, itemNames }: { m: MergedMaterial; index: number; itemNames: string }) {
  return (
    <li className="material">
      <p className="material-name">
        {index + 1}. {m.name}
        {m.required ? <span className="tag tag-strong">必需</span> : <span className="tag">非必需</span>}
        {m.viaDataSharing && <span className="tag tag-good">数据共享获取，无需提交</span>}
        {m.eLicenceAccepted && <span className="tag tag-good">可用电子证照</span>}
        {m.tolerance && <span className="tag">可容缺</span>}
      </p>
      <p className="muted">
        出具机构：{m.issuingBody || '申请人自备'} · 原件 {m.originals} 份 · 复印件 {m.copies} 份
      </p>
      {itemNames && <p className="muted">适用事项：{itemNames}</p>}
      {m.tolerance && (
        <p className="muted">
          容缺条件：{distinct(m.tolerance.conditions) || '未公布'}；补齐时限：{timeLimitText(m.tolerance.completionDeadline)}
        </p>
      )}
      {distinct(m.note) && <p className="muted">备注：{distinct(m.note)}</p>}
    </li>
  );
}

function Bundle({ bundle }: { bundle: BundleView }) {
  const byId = new Map(bundle.items.map((i) => [i.id, i]));
  const steps = [...bundle.steps].sort((a, b) => a.order - b.order);
  const materials = bundle.materials as MergedMaterial[];
  const counter = counterLabel(bundle.acceptingCounterKind);
  const itemNames = (ids: readonly string[]) =>
    ids
      .map((id) => byId.get(id))
      .filter((it): it is BundleItem => !!it && it.publishedNumber !== null)
      .map((it) => it.name)
      .join('、');
  return (
    <>
      <h1>{bundle.name}</h1>
      <p className="lead">“高效办成一件事”办事指南 · 共 {bundle.items.length} 个事项，一次办理</p>
      <div className="no-print actions">
        <a href={files.bundleGuidePdf(bundle.id)} className="action-link">
          打印办事指南（PDF）
        </a>
        <a href={paths.lists(bundle.centreId)} onClick={linkClick(paths.lists(bundle.centreId))}>
          返回清单公开
        </a>
      </div>

      <section aria-labelledby="accept-title" className="panel wide">
        <h2 id="accept-title">受理方式</h2>
        <dl className="facts">
          <dt>受理窗口</dt>
          <dd>
            {counter}统一受理：请到{counter}一次提交申请材料，无需在各部门窗口分别办理。
          </dd>
        </dl>
        {bundle.guideText && <p className="pre">{bundle.guideText}</p>}
      </section>

      <section aria-labelledby="bundle-items-title" className="panel wide">
        <h2 id="bundle-items-title">包含事项</h2>
        <div className="table-wrap">
          <table className="list-table stack">
            <caption>“{bundle.name}”包含的事项</caption>
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">事项名称</th>
                <th scope="col">事项编码</th>
              </tr>
            </thead>
            <tbody>
              {bundle.items.map((it, i) => (
                <tr key={it.id}>
                  <td className="num" data-label="序号">
                    {i + 1}
                  </td>
                  <td data-label="事项名称">
                    <ItemName item={it} />
                  </td>
                  <td className="code" data-label="事项编码">
                    {it.code ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="bundle-flow-title" className="panel wide">
        <h2 id="bundle-flow-title">办理流程</h2>
        <ol className="steps flow">
          {steps.map((s) => (
            <li key={s.order}>
              <strong>{s.name}</strong>
              {s.itemIds.length > 0 && (
                <p className="muted">
                  涉及事项：
                  {s.itemIds.map((id, i) => (
                    <span key={id}>
                      {i > 0 && '、'}
                      <ItemName item={byId.get(id)} />
                    </span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="bundle-materials-title" className="panel wide">
        <h2 id="bundle-materials-title">申请材料（合并清单）</h2>
        <p className="muted">各事项相同的材料只需提交一次。</p>
        {bundle.unpublishedItemIds.length > 0 && (
          <p role="note" className="notice">
            有 {bundle.unpublishedItemIds.length} 个事项的办事指南暂未公布，其申请材料未列入本清单，请咨询{counter}。
          </p>
        )}
        {materials.length === 0 ? (
          <p>无需提交申请材料。</p>
        ) : (
          <ol className="materials" aria-label={`申请材料，共 ${materials.length} 项`}>
            {materials.map((m, i) => (
              <MaterialCard key={m.key} m={m} index={i} itemNames={itemNames(m.itemIds)} />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

export function BundlePage({ bundleId, onCentre }: { bundleId: string; onCentre: (id: string) => void }) {
  const { data, loading, error } = useLoad(async () => {
    try {
      return await api.get<BundleView>(`/api/v1/public/bundles/${bundleId}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }, bundleId);
  useEffect(() => {
    if (data) {
      onCentre(data.centreId);
      document.title = `${data.name} · “高效办成一件事”`;
    }
  }, [data, onCentre]);
  if (data) return <Bundle bundle={data} />;
  return (
    <>
      <h1>“高效办成一件事”</h1>
      {loading && (
        <p role="status" className="loading">
          正在加载…
        </p>
      )}
      {!loading && (data === null || error) && (
        <div className="empty" role="status">
          <p className="empty-title">暂无此“一件事”</p>
          <p className="muted">{error ? '信息暂时无法查询，请稍后再试。' : '该“一件事”不存在或已停止公开。'}</p>
        </div>
      )}
    </>
  );
}

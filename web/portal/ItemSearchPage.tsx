/**
 * Item search (事项查询): by Chinese substring or code, department, type and list
 * (DB36/T 2016 §8.2 lists). Published items only, from the public item API.
 */
import { Button, Input } from 'antd';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ITEM_KINDS } from '../../src/domain/catalogue/codes.ts';
import { api } from '../shared/api.ts';
import { linkClick } from '../shared/router.ts';
import { useLoad } from '../shared/use-load.ts';
import { isSearchList, SEARCH_LISTS } from './lists.ts';
import { paths } from './routes.ts';
import type { ItemPage, PublicCentre, PublicItemSummary } from './types.ts';

const PAGE_SIZE = 20;

interface Filters {
  readonly q: string;
  readonly departmentId: string;
  readonly typeCode: string;
  readonly list: string;
  readonly offset: number;
}

function filtersFromUrl(): Filters {
  const p = new URLSearchParams(window.location.search);
  return {
    q: p.get('q') ?? '',
    departmentId: p.get('departmentId') ?? '',
    typeCode: p.get('typeCode') ?? '',
    // A list the search does not know would make the API refuse the whole query.
    list: isSearchList(p.get('list') ?? '') ? (p.get('list') ?? '') : '',
    offset: Math.max(0, Number(p.get('offset') ?? 0) || 0),
  };
}

function queryOf(f: Filters): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (f.q.trim()) out.q = f.q.trim();
  if (f.departmentId) out.departmentId = f.departmentId;
  if (f.typeCode) out.typeCode = f.typeCode;
  if (f.list) out.list = f.list;
  if (f.offset) out.offset = f.offset;
  return out;
}

export function ItemSearchPage({ centreId }: { centreId: string }) {
  const [draft, setDraft] = useState<Filters>(filtersFromUrl);
  const [applied, setApplied] = useState<Filters>(draft);
  const ids = { q: useId(), dept: useId(), type: useId(), list: useId() };
  const centre = useLoad(() => api.get<PublicCentre>(`/api/v1/public/centres/${centreId}`), centreId);
  const key = JSON.stringify([centreId, applied]);
  const result = useLoad(
    () => api.get<ItemPage<PublicItemSummary>>(`/api/v1/public/centres/${centreId}/items`, { ...queryOf(applied), limit: PAGE_SIZE }),
    key,
  );

  useEffect(() => {
    document.title = `办事指南查询 · ${centre.data?.name ?? '政务服务中心'}`;
  }, [centre.data]);

  const apply = (next: Filters) => {
    setApplied(next);
    const qs = new URLSearchParams(Object.entries(queryOf(next)).map(([k, v]) => [k, String(v)])).toString();
    window.history.replaceState(null, '', `${window.location.pathname}${qs ? `?${qs}` : ''}`);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply({ ...draft, offset: 0 });
  };
  const set = (patch: Partial<Filters>) => setDraft((d) => ({ ...d, ...patch }));

  const items = result.data?.items ?? [];
  const total = result.data?.total;
  const hasNext = total !== undefined ? applied.offset + items.length < total : items.length === PAGE_SIZE;

  return (
    <>
      <h1>办事指南查询</h1>
      {centre.data && <p className="lead">{centre.data.name}</p>}
      <p>
        帮代办、容缺受理、“跨省通办”等事项清单和“高效办成一件事”，请见
        <a href={paths.lists(centreId)} onClick={linkClick(paths.lists(centreId))}>
          清单公开
        </a>
        。
      </p>
      <div role="search" className="search-box">
        <form onSubmit={submit} className="filters">
          <div className="field grow">
            <label htmlFor={ids.q}>事项名称或编码</label>
            <Input id={ids.q} value={draft.q} onChange={(e) => set({ q: e.target.value })} placeholder="如：身份证、营业执照、不动产" maxLength={50} />
          </div>
          <div className="field">
            <label htmlFor={ids.dept}>实施部门</label>
            <select id={ids.dept} value={draft.departmentId} onChange={(e) => set({ departmentId: e.target.value })}>
              <option value="">全部部门</option>
              {(centre.data?.departments ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.type}>事项类型</label>
            <select id={ids.type} value={draft.typeCode} onChange={(e) => set({ typeCode: e.target.value })}>
              <option value="">全部类型</option>
              {Object.values(ITEM_KINDS).map((k) => (
                <option key={k.code} value={k.code}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.list}>事项清单</label>
            <select id={ids.list} value={draft.list} onChange={(e) => set({ list: e.target.value })}>
              <option value="">全部事项</option>
              {SEARCH_LISTS.map((l) => (
                <option key={l.kind} value={l.kind}>
                  {l.title}
                </option>
              ))}
            </select>
          </div>
          <Button type="primary" htmlType="submit" className="field-button">
            查询
          </Button>
        </form>
      </div>

      <section aria-labelledby="results-title" aria-busy={result.loading}>
        <h2 id="results-title">查询结果{total !== undefined && !result.error ? `（共 ${total} 项）` : ''}</h2>
        {result.loading && <p role="status" className="loading">正在查询…</p>}
        {!result.loading && (result.error || items.length === 0) && (
          <div className="empty" role="status">
            <p className="empty-title">暂无事项</p>
            <p className="muted">{result.error ? '事项信息暂时无法查询，请稍后再试，或拨打咨询电话。' : '没有找到符合条件的事项，请换个关键词试试。'}</p>
          </div>
        )}
        {!result.loading && !result.error && items.length > 0 && (
          <ul className="results">
            {items.map((it) => (
              <li key={it.id}>
                <a href={paths.item(it.id)} onClick={linkClick(paths.item(it.id))} className="result-name">
                  {it.name}
                </a>
                <p className="muted">
                  {it.departmentName}
                  {it.code && ` · 编码 ${it.code}`} · 第 {it.version} 版
                </p>
              </li>
            ))}
          </ul>
        )}
        {!result.error && (applied.offset > 0 || hasNext) && (
          <nav aria-label="翻页" className="pager">
            <Button disabled={applied.offset === 0} onClick={() => apply({ ...applied, offset: Math.max(0, applied.offset - PAGE_SIZE) })}>
              上一页
            </Button>
            <Button disabled={!hasNext} onClick={() => apply({ ...applied, offset: applied.offset + PAGE_SIZE })}>
              下一页
            </Button>
          </nav>
        )}
      </section>
    </>
  );
}

/**
 * Choosing what to queue for (DB36/T 2016 §5.2.2 排队取号机): by department and its
 * items, by category (the queues themselves) or by searching the catalogue; and, in
 * 老年模式 (§5.2.2.1), big buttons for the most-used queues straight away.
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { api, messageOf } from '../shared/api.ts';
import type { KioskDepartment, KioskInfo, KioskItem, KioskQueue } from '../shared/public-queue.ts';

/** What the citizen picked: a queue, and the item when they chose one. */
export interface Choice {
  readonly queue: KioskQueue;
  readonly item: KioskItem | null;
}

/** How many queues 老年模式 puts on its first screen. */
const ELDERLY_QUICK_QUEUES = 6;

function ClosedNotice({ info }: { info: KioskInfo }) {
  if (info.openNow) return null;
  return (
    <div className="k-notice" role="status">
      <p className="k-notice-title">当前不在取号时间</p>
      <p>{info.message ?? '请在中心服务时间内取号。'}</p>
    </div>
  );
}

export function QueueButton({ queue, onChoose, big = false }: { queue: KioskQueue; onChoose: (q: KioskQueue) => void; big?: boolean }) {
  const descId = useId();
  return (
    <button
      type="button"
      className={`k-choice${big ? ' k-choice-big' : ''}${queue.issuing ? '' : ' is-refused'}`}
      aria-disabled={queue.issuing ? undefined : true}
      aria-describedby={descId}
      onClick={() => onChoose(queue)}
    >
      <span className="k-choice-name">{queue.name}</span>
      <span id={descId} className="k-choice-meta">
        {queue.issuing ? `等候 ${queue.waiting} 人 · ${queue.estimateText}` : (queue.refusal ?? '暂停取号')}
      </span>
    </button>
  );
}

export function HomeScreen({ info, onMethod }: { info: KioskInfo; onMethod: (m: 'departments' | 'categories' | 'search') => void }) {
  return (
    <>
      <h1 tabIndex={-1}>请选择取号方式</h1>
      <ClosedNotice info={info} />
      <div className="k-methods">
        <button type="button" className="k-method" onClick={() => onMethod('categories')}>
          <span className="k-method-name">按业务类别</span>
          <span className="k-method-hint">综合受理、不动产、社保医保等</span>
        </button>
        <button type="button" className="k-method" onClick={() => onMethod('departments')}>
          <span className="k-method-name">按办理部门</span>
          <span className="k-method-hint">先选部门，再选办理事项</span>
        </button>
        <button type="button" className="k-method" onClick={() => onMethod('search')}>
          <span className="k-method-name">搜索办理事项</span>
          <span className="k-method-hint">输入事项名称，如“营业执照”</span>
        </button>
      </div>
      <p className="k-tip">老年人、残疾人、孕妇、军人可在取号时选择优先办理。</p>
    </>
  );
}

/** 老年模式 start: the most-used queues as big buttons, one tap to the confirmation. */
export function ElderlyHomeScreen({ info, onQueue, onMore }: { info: KioskInfo; onQueue: (q: KioskQueue) => void; onMore: () => void }) {
  // Queues come in the centre's order (most used first); only those issuing now, to keep
  // the screen short — unless none does, when each says why.
  const quick = useMemo(() => {
    const issuing = info.queues.filter((q) => q.issuing);
    return (issuing.length > 0 ? issuing : info.queues).slice(0, ELDERLY_QUICK_QUEUES);
  }, [info.queues]);
  return (
    <>
      <h1 tabIndex={-1}>请选择要办理的业务</h1>
      <ClosedNotice info={info} />
      <div className="k-grid k-grid-big">
        {quick.map((q) => (
          <QueueButton key={q.id} queue={q} onChoose={onQueue} big />
        ))}
      </div>
      {info.queues.length > quick.length || info.departments.length > 0 ? (
        <button type="button" className="k-secondary k-more" onClick={onMore}>
          其他业务
        </button>
      ) : null}
    </>
  );
}

export function CategoriesScreen({ info, onQueue }: { info: KioskInfo; onQueue: (q: KioskQueue) => void }) {
  return (
    <>
      <h1 tabIndex={-1}>按业务类别取号</h1>
      <ClosedNotice info={info} />
      {info.queues.length === 0 ? (
        <p className="k-empty">本中心暂未设置取号业务，请到咨询导办台咨询。</p>
      ) : (
        <div className="k-grid">
          {info.queues.map((q) => (
            <QueueButton key={q.id} queue={q} onChoose={onQueue} />
          ))}
        </div>
      )}
    </>
  );
}

export function DepartmentsScreen({ info, onDepartment }: { info: KioskInfo; onDepartment: (d: KioskDepartment) => void }) {
  const departments = info.departments.filter((d) => d.items.length > 0);
  return (
    <>
      <h1 tabIndex={-1}>按办理部门取号</h1>
      <ClosedNotice info={info} />
      {departments.length === 0 ? (
        <p className="k-empty">暂无可取号的部门事项，请按业务类别取号。</p>
      ) : (
        <div className="k-grid">
          {departments.map((d) => (
            <button key={d.id} type="button" className="k-choice" onClick={() => onDepartment(d)}>
              <span className="k-choice-name">{d.name}</span>
              <span className="k-choice-meta">{d.items.length} 个事项</span>
            </button>
          ))}
        </div>
      )}
    </>
  );
}

function ItemButton({ item, queue, onItem }: { item: KioskItem; queue: KioskQueue | undefined; onItem: (c: Choice) => void }) {
  const descId = useId();
  if (!queue) {
    return (
      <div className="k-choice is-refused" role="group" aria-label={item.name}>
        <span className="k-choice-name">{item.name}</span>
        <span className="k-choice-meta">该事项不在此取号，请到咨询导办台咨询</span>
      </div>
    );
  }
  return (
    <button
      type="button"
      className={`k-choice${queue.issuing ? '' : ' is-refused'}`}
      aria-disabled={queue.issuing ? undefined : true}
      aria-describedby={descId}
      onClick={() => onItem({ queue, item })}
    >
      <span className="k-choice-name">{item.name}</span>
      <span id={descId} className="k-choice-meta">
        {queue.name} · {queue.issuing ? `等候 ${queue.waiting} 人` : (queue.refusal ?? '暂停取号')}
      </span>
    </button>
  );
}

export function DepartmentScreen({ info, department, onItem }: { info: KioskInfo; department: KioskDepartment; onItem: (c: Choice) => void }) {
  const queues = new Map(info.queues.map((q) => [q.id, q]));
  return (
    <>
      <h1 tabIndex={-1}>{department.name}</h1>
      <p className="k-lead">请选择办理事项</p>
      <div className="k-grid">
        {department.items.map((it) => (
          <ItemButton key={it.id} item={it} queue={queues.get(it.queueId)} onItem={onItem} />
        ))}
      </div>
    </>
  );
}

interface PublicItem {
  readonly id: string;
  readonly name: string;
  readonly departmentName: string;
}

/** Common words of item names; only those some item of this kiosk contains are offered. */
const KEYWORDS = ['营业执照', '身份证', '户口', '社保', '医保', '公积金', '不动产', '税务', '驾驶证', '婚姻', '出生', '退休', '残疾', '食品', '建设'];

export function SearchScreen({
  info,
  query,
  onQuery,
  onItem,
}: {
  info: KioskInfo;
  query: string;
  onQuery: (q: string) => void;
  onItem: (c: Choice) => void;
}) {
  const inputId = useId();
  const [draft, setDraft] = useState(query);
  const [results, setResults] = useState<readonly PublicItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queues = useMemo(() => new Map(info.queues.map((q) => [q.id, q])), [info.queues]);
  // Item → queue: the departments' items first, then the queues' own item lists.
  const queueOfItem = useMemo(() => {
    const m = new Map<string, string>();
    for (const q of info.queues) for (const id of q.itemIds) if (!m.has(id)) m.set(id, q.id);
    for (const d of info.departments) for (const it of d.items) m.set(it.id, it.queueId);
    return m;
  }, [info]);
  const keywords = useMemo(() => {
    const names = info.departments.flatMap((d) => d.items.map((i) => i.name)).join('|');
    return KEYWORDS.filter((k) => names.includes(k));
  }, [info.departments]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults(null);
      return;
    }
    let current = true;
    setBusy(true);
    setError(null);
    api
      .get<{ items: PublicItem[] }>(`/api/v1/public/centres/${info.centre.id}/items`, { q, limit: 30 })
      .then((page) => {
        if (current) setResults(page.items);
      })
      .catch((e: unknown) => {
        if (current) setError(messageOf(e));
      })
      .finally(() => {
        if (current) setBusy(false);
      });
    return () => {
      current = false;
    };
  }, [query, info.centre.id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onQuery(draft.trim());
  };
  const pick = (k: string) => {
    setDraft(k);
    onQuery(k);
  };

  return (
    <>
      <h1 tabIndex={-1}>搜索办理事项</h1>
      <div role="search" className="k-search">
        <form onSubmit={submit}>
          <label htmlFor={inputId}>事项名称</label>
          <div className="k-search-row">
            <input id={inputId} type="search" value={draft} maxLength={50} onChange={(e) => setDraft(e.target.value)} placeholder="如：营业执照、社保" />
            <button type="submit" className="k-primary">
              搜索
            </button>
          </div>
        </form>
        {keywords.length > 0 && (
          <div className="k-keywords" role="group" aria-label="常用关键词">
            {keywords.map((k) => (
              <button key={k} type="button" className="k-keyword" aria-pressed={query === k} onClick={() => pick(k)}>
                {k}
              </button>
            ))}
          </div>
        )}
      </div>
      <section aria-labelledby="k-results" aria-busy={busy}>
        <h2 id="k-results" className="k-results-title">
          {results ? `找到 ${results.length} 个事项` : '搜索结果'}
        </h2>
        {busy && <p role="status">正在搜索…</p>}
        {error && <p role="alert" className="k-error">{error}</p>}
        {!busy && results && results.length === 0 && <p role="status" className="k-empty">没有找到相关事项，请换个词试试，或按业务类别取号。</p>}
        {!busy && results && results.length > 0 && (
          <div className="k-grid">
            {results.map((r) => {
              const queueId = queueOfItem.get(r.id);
              return <ItemButton key={r.id} item={{ id: r.id, name: r.name, queueId: queueId ?? '' }} queue={queueId ? queues.get(queueId) : undefined} onItem={onItem} />;
            })}
          </div>
        )}
      </section>
    </>
  );
}

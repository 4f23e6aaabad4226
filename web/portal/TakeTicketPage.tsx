/**
 * 手机取号 (issue 4 mobile ticket; DB36/T 2016 §6.2 排队取号): a citizen takes a number
 * for a queue or an item remotely, during the issuing hours, with a phone (required,
 * for the "your turn is near" message) and optionally an ID number. The limits per
 * phone and ID number per day, the issuing windows and the quota are the server's
 * (src/domain/queue/issuing.ts): its messages are shown as they are.
 */
import { Button, Input } from 'antd';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, api, messageOf } from '../shared/api.ts';
import { linkClick, navigate } from '../shared/router.ts';
import { useLoad } from '../shared/use-load.ts';
import {
  newRequestId,
  cleanIdNumber,
  idNumberProblem,
  kioskInfoPath,
  phoneProblem,
  shanghaiTime,
  type IssuedTicket,
  type MobileIssueBody,
  type KioskInfo,
} from '../shared/public-queue.ts';
import { rememberTicket, todaysTickets } from './my-tickets.ts';
import { paths } from './routes.ts';

type FieldErrors = Partial<Record<'queue' | 'phone' | 'idNumber', string>>;

function MyTickets({ centreId }: { centreId: string }) {
  const mine = useMemo(() => todaysTickets(centreId), [centreId]);
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="mine-title" className="panel wide my-tickets">
      <h2 id="mine-title">我今天的排号</h2>
      <ul>
        {mine.map((t) => (
          <li key={t.id}>
            <a href={paths.ticket(t.id)} onClick={linkClick(paths.ticket(t.id))}>
              {t.number} 号 · {t.queueName}
            </a>
            <span className="muted">（{shanghaiTime(t.issuedAt, false)} 取号）</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function TakeTicketPage({ centreId }: { centreId: string }) {
  const ids = { item: useId(), phone: useId(), idNumber: useId(), queue: useId(), alert: useId() };
  const { data: info, loading, error, reload } = useLoad(() => api.get<KioskInfo>(kioskInfoPath(centreId)), centreId);
  const [queueId, setQueueId] = useState('');
  const [itemId, setItemId] = useState('');
  const [phone, setPhone] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const pending = useRef<{ key: string; requestId: string } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `手机取号 · ${info?.centre.name ?? '政务服务中心'}`;
  }, [info]);

  const queues = info?.queues ?? [];
  const items = useMemo(() => new Map((info?.departments ?? []).flatMap((d) => d.items.map((i) => [i.id, i] as const))), [info]);
  const chosenQueue = queues.find((q) => q.id === queueId);

  const chooseItem = (id: string) => {
    setItemId(id);
    const item = items.get(id);
    if (item) setQueueId(item.queueId);
    setErrors((e) => ({ ...e, queue: undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    const phoneDigits = phone.replace(/[\s-]/g, '');
    const id = cleanIdNumber(idNumber);
    const found: FieldErrors = {
      queue: queueId ? undefined : '请选择要办理的业务',
      phone: phoneProblem(phoneDigits, true) ?? undefined,
      idNumber: idNumberProblem(id) ?? undefined,
    };
    setErrors(found);
    const first = (['queue', 'phone', 'idNumber'] as const).find((k) => found[k]);
    if (first) {
      document.getElementById(first === 'queue' ? ids.queue : ids[first])?.focus();
      return;
    }
    const fields: MobileIssueBody = {
      ...(itemId && items.get(itemId)?.queueId === queueId ? { itemId } : { queueId }),
      phone: phoneDigits,
      ...(id ? { idNumber: id } : {}),
    };
    // The same form sent again (after a lost answer) keeps its request id: one number (§7.1.5).
    const key = JSON.stringify(fields);
    if (pending.current?.key !== key) pending.current = { key, requestId: newRequestId() };
    const body: MobileIssueBody = { ...fields, requestId: pending.current.requestId };
    setBusy(true);
    api
      .post<IssuedTicket>(`/api/v1/public/centres/${centreId}/tickets`, body)
      .then((ticket) => {
        pending.current = null;
        rememberTicket({ id: ticket.id, number: ticket.number, queueName: ticket.queueName, centreId, issuedAt: ticket.issuedAt });
        navigate(paths.ticket(ticket.id));
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.fields.length > 0) {
          const byField: FieldErrors = {};
          for (const f of err.fields) {
            if (f.path === '/phone') byField.phone = f.message;
            else if (f.path === '/idNumber') byField.idNumber = f.message;
          }
          setErrors(byField);
        }
        setRefusal(messageOf(err));
        reload();
      })
      .finally(() => setBusy(false));
  };

  if (!info) {
    return (
      <>
        <h1>手机取号</h1>
        {loading && <p role="status" className="loading">正在加载…</p>}
        {error && <p role="alert" className="error">{error}</p>}
      </>
    );
  }

  const described = (id: string, err: string | undefined) => (err ? `${id}-hint ${id}-error` : `${id}-hint`);

  return (
    <>
      <h1>手机取号</h1>
      <p className="lead">
        <a href={paths.centre(centreId)} onClick={linkClick(paths.centre(centreId))}>
          {info.centre.name}
        </a>
        ：在服务时间内远程取号，到号前可在“我的排号”查看进度。
      </p>
      <MyTickets centreId={centreId} />
      {!info.openNow && (
        <div className="notice" role="status">
          <p className="notice-title">当前不在取号时间</p>
          <p>{info.message ?? '请在中心服务时间内取号。'}</p>
        </div>
      )}
      <form className="ticket-form panel wide" onSubmit={submit} noValidate aria-describedby={refusal ? ids.alert : undefined}>
        <fieldset className="queue-choice">
          <legend id={ids.queue} tabIndex={-1}>
            办理业务<span className="required">（必选）</span>
          </legend>
          {queues.length === 0 && <p>本中心暂未开通手机取号。</p>}
          <ul className="queue-options">
            {queues.map((q) => {
              const hint = q.issuing ? `等候 ${q.waiting} 人 · ${q.estimateText}` : (q.refusal ?? '暂停取号');
              return (
                <li key={q.id} className={q.issuing ? undefined : 'is-refused'}>
                  <label>
                    <input
                      type="radio"
                      name="queue"
                      value={q.id}
                      checked={queueId === q.id}
                      disabled={!q.issuing}
                      onChange={() => {
                        setQueueId(q.id);
                        setItemId('');
                        setErrors((e) => ({ ...e, queue: undefined }));
                      }}
                    />
                    <span className="queue-name">{q.name}</span>
                    <span className="queue-meta">{hint}</span>
                  </label>
                </li>
              );
            })}
          </ul>
          {info.departments.some((d) => d.items.length > 0) && (
            <div className="field">
              <label htmlFor={ids.item}>或按办理事项选择</label>
              <select id={ids.item} value={itemId} onChange={(e) => chooseItem(e.target.value)}>
                <option value="">不指定事项</option>
                {info.departments
                  .filter((d) => d.items.length > 0)
                  .map((d) => (
                    <optgroup key={d.id} label={d.name}>
                      {d.items.map((it) => (
                        <option key={it.id} value={it.id}>
                          {it.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
              </select>
            </div>
          )}
          {chosenQueue && (
            <p className="muted" aria-live="polite">
              将排入：{chosenQueue.name}（当前等候 {chosenQueue.waiting} 人）
            </p>
          )}
          {errors.queue && (
            <p className="field-error" role="alert">
              {errors.queue}
            </p>
          )}
        </fieldset>

        <div className="field">
          <label htmlFor={ids.phone}>
            手机号码<span className="required">（必填）</span>
          </label>
          <Input
            id={ids.phone}
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            maxLength={13}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            aria-required
            aria-invalid={errors.phone ? true : undefined}
            aria-describedby={described(ids.phone, errors.phone)}
          />
          <p id={`${ids.phone}-hint`} className="muted">
            用于“即将轮到您”的提醒；每个手机号每天可取号的次数有限。
          </p>
          {errors.phone && (
            <p id={`${ids.phone}-error`} className="field-error">
              {errors.phone}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.idNumber}>
            身份证号码<span className="optional">（选填）</span>
          </label>
          <Input
            id={ids.idNumber}
            autoComplete="off"
            maxLength={18}
            value={idNumber}
            onChange={(e) => setIdNumber(e.target.value.toUpperCase())}
            aria-invalid={errors.idNumber ? true : undefined}
            aria-describedby={described(ids.idNumber, errors.idNumber)}
          />
          <p id={`${ids.idNumber}-hint`} className="muted">
            60 周岁以上老年人填写后可优先办理；号码仅以打码形式显示。
          </p>
          {errors.idNumber && (
            <p id={`${ids.idNumber}-error`} className="field-error">
              {errors.idNumber}
            </p>
          )}
        </div>
        {refusal && (
          <div id={ids.alert} className="error" role="alert">
            未能取号：{refusal}
          </div>
        )}
        <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={!queues.some((q) => q.issuing)}>
          确认取号
        </Button>
      </form>
    </>
  );
}

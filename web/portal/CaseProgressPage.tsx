/**
 * 办件进度查询 (DB36/T 2016 §8.1.2.1: 办事过程信息 … 接受查询): the case number and the last
 * four digits of the applicant's phone, then the five stages, dates, due date and status,
 * the applicant's name masked. The QR code of every case notice opens
 * /portal/cases/{caseNumber} with the number filled in. §5.2.2.2: labelled fields, errors
 * tied to their fields, the result announced in a live region, usable in 大字模式.
 */
import { Button, Input } from 'antd';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, api, messageOf } from '../shared/api.ts';
import { cleanCaseNumber, DELIVERY_TEXT, dueText, durationText, ENDED_BEFORE_DECISION, refusalText, stageStateText, summaryOf, timeText } from './case-format.ts';
import { paths } from './routes.ts';
import type { PublicCaseView } from './types.ts';
import './case-progress.css';

type FieldErrors = Partial<Record<'number' | 'check', string>>;

function Stages({ timeline }: { timeline: PublicCaseView['timeline'] }) {
  return (
    <ol className="case-stages" aria-label="办理环节">
      {timeline.map((s, i) => (
        <li key={s.stage} className={`case-stage stage-${s.state}`} aria-current={s.state === 'current' ? 'step' : undefined}>
          <span className="stage-marker" aria-hidden="true">
            {s.state === 'done' ? '✓' : i + 1}
          </span>
          <span className="stage-name">{s.label}</span>
          <span className="stage-state">{stageStateText(s.stage, s.state)}</span>
          {s.startedAt && (
            <span className="stage-time">
              {timeText(s.startedAt)}
              {s.endedAt ? ` 至 ${timeText(s.endedAt)}` : ' 起'}
              {s.durationSeconds !== null && `（${s.state === 'current' ? '已用时' : '用时'} ${durationText(s.durationSeconds)}）`}
            </span>
          )}
          {s.counters.length > 0 && <span className="stage-time">办理窗口：{s.counters.map((n) => `${n} 号`).join('、')}</span>}
        </li>
      ))}
    </ol>
  );
}

function Result({ c }: { c: PublicCaseView }) {
  // Refused or withdrawn before a decision: the acceptance stage's end is when.
  const ended = c.decidedAt ? undefined : ENDED_BEFORE_DECISION[c.status];
  const endedAt = c.timeline.find((s) => s.stage === 'acceptance')?.endedAt ?? null;
  const decided = c.decidedAt ? `${timeText(c.decidedAt)}${c.decision ? `（${c.decision}）` : ''}` : ended ? `${ended}（${timeText(endedAt)}）` : '尚未办结';
  return (
    <section aria-labelledby="case-result-title" className="panel wide case-result">
      <h2 id="case-result-title">{c.title}</h2>
      <p className="case-status-line">
        <span className={`case-status stage-${c.stage}`}>{c.statusLabel}</span>
        <span>当前环节：{c.stageLabel}</span>
      </p>
      <Stages timeline={c.timeline} />
      <dl className="facts case-facts">
        <dt>办件编号</dt>
        <dd className="case-number-text">{c.caseNumber}</dd>
        <dt>申请人</dt>
        <dd>{c.applicantName}</dd>
        <dt>受理单位</dt>
        <dd>{c.centreName}</dd>
        <dt>申请时间</dt>
        <dd>{timeText(c.openedAt)}</dd>
        <dt>受理时间</dt>
        <dd>{c.acceptedAt ? timeText(c.acceptedAt) : ended && c.status === 'refused' ? '不予受理' : '尚未受理'}</dd>
        <dt>承诺办结时间</dt>
        <dd>{c.promisedDueAt || !ended ? dueText(c.promisedDueAt) : '—'}</dd>
        <dt>办结时间</dt>
        <dd>{decided}</dd>
        <dt>送达</dt>
        <dd>{c.deliveredAt ? `${timeText(c.deliveredAt)}${c.deliveryMethod ? `（${DELIVERY_TEXT[c.deliveryMethod] ?? c.deliveryMethod}）` : ''}` : c.deliveryMethod ? `${DELIVERY_TEXT[c.deliveryMethod] ?? c.deliveryMethod}，尚未送达` : ended ? '—' : '尚未送达'}</dd>
      </dl>
      {c.status === 'refused' && <p>不予受理的理由和依据见窗口出具的《不予受理通知书》；对决定有异议的，可向中心咨询或投诉。</p>}
      <p className="muted">如对办理进度有疑问，请携带受理通知书到中心咨询导办台或拨打中心咨询电话。</p>
    </section>
  );
}

export function CaseProgressPage({ caseNumber }: { caseNumber: string | null }) {
  const ids = { number: useId(), check: useId() };
  const [number, setNumber] = useState(caseNumber ?? '');
  const [check, setCheck] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [result, setResult] = useState<PublicCaseView | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);

  // Another case number in the address (back, or another QR code): start again.
  useEffect(() => {
    setNumber(caseNumber ?? '');
    setResult(null);
    setRefusal(null);
    setAnnouncement('');
  }, [caseNumber]);

  useEffect(() => {
    document.title = result ? `${result.title} · 办件进度查询` : '办件进度查询 · 办事服务门户';
  }, [result]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = cleanCaseNumber(number);
    const code = check.trim();
    const found: FieldErrors = {
      number: n ? undefined : '请输入办件编号',
      check: /^\d{4}$/.test(code) ? undefined : '请输入申请时登记的手机号码的后四位数字',
    };
    setErrors(found);
    setRefusal(null);
    const first = (['number', 'check'] as const).find((k) => found[k]);
    if (first) {
      setAnnouncement('');
      document.getElementById(ids[first])?.focus();
      return;
    }
    setBusy(true);
    setAnnouncement('正在查询…');
    api
      .get<PublicCaseView>(`/api/v1/public/cases/${encodeURIComponent(n)}`, { check: code })
      .then((c) => {
        setResult(c);
        setNumber(c.caseNumber);
        setAnnouncement(summaryOf(c));
        // The address names the case (without the check code), so that it can be bookmarked.
        if (window.location.pathname !== paths.cases(c.caseNumber)) window.history.replaceState(null, '', paths.cases(c.caseNumber));
      })
      .catch((err: unknown) => {
        setResult(null);
        setAnnouncement('');
        setRefusal(err instanceof ApiError ? refusalText(err.status, err.code, err.message, err.details?.retryAfterSeconds) : messageOf(err));
      })
      .finally(() => setBusy(false));
  };

  const described = (id: string, err: string | undefined) => (err ? `${id}-hint ${id}-error` : `${id}-hint`);

  return (
    <>
      <h1>办件进度查询</h1>
      <p className="lead">凭受理通知书上的办件编号和申请时登记的手机号码后四位，查询办件所处环节、受理和办结时间。扫描通知书上的二维码可自动填入办件编号。</p>
      <form className="ticket-form case-form panel wide" onSubmit={submit} noValidate aria-label="办件进度查询">
        <div className="field">
          <label htmlFor={ids.number}>
            办件编号<span className="required">（必填）</span>
          </label>
          <Input
            id={ids.number}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            maxLength={60}
            autoComplete="off"
            spellCheck={false}
            aria-required
            aria-invalid={errors.number ? true : undefined}
            aria-describedby={described(ids.number, errors.number)}
            className="case-number-input"
          />
          <p id={`${ids.number}-hint`} className="muted">
            见受理通知书，由 43 位数字和大写字母组成。
          </p>
          {errors.number && (
            <p id={`${ids.number}-error`} className="field-error">
              {errors.number}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.check}>
            手机号后四位<span className="required">（必填）</span>
          </label>
          <Input
            id={ids.check}
            value={check}
            onChange={(e) => setCheck(e.target.value.replace(/\D/g, '').slice(0, 4))}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            aria-required
            aria-invalid={errors.check ? true : undefined}
            aria-describedby={described(ids.check, errors.check)}
            style={{ maxWidth: '10rem' }}
          />
          <p id={`${ids.check}-hint`} className="muted">
            申请时登记的联系电话（手机号码）的最后 4 位数字。为保护个人信息，连续输错多次将暂停查询一段时间。
          </p>
          {errors.check && (
            <p id={`${ids.check}-error`} className="field-error">
              {errors.check}
            </p>
          )}
        </div>
        {refusal && (
          <p className="error" role="alert">
            {refusal}
          </p>
        )}
        <div>
          <Button type="primary" htmlType="submit" loading={busy} size="large">
            查询
          </Button>
        </div>
      </form>
      {/* Exists from the start, so that assistive technology hears what is put in it. */}
      <div role="status" aria-live="polite" aria-atomic="true" className="case-announcement" data-testid="case-live">
        {announcement && <p className={result ? 'notice notice-near' : 'loading'}>{announcement}</p>}
      </div>
      {result && <Result c={result} />}
    </>
  );
}

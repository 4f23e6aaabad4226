/**
 * The last step before the ticket: an optional phone (for the "your turn is near"
 * message) and ID number, and a priority declaration (老年人、残疾人、孕妇、军人 —
 * issue 4 priority classes; DB36/T 2016 §5.2.2.1 适老化). In 老年模式 the step is two
 * big buttons (fewer steps), with the full form one tap away.
 */
import { useId, useState, type FormEvent } from 'react';
import {
  DECLARABLE_PRIORITIES,
  idNumberProblem,
  phoneProblem,
  type DeclaredPriority,
  type KioskIssueBody,
} from '../shared/public-queue.ts';
import type { Choice } from './ChooseScreens.tsx';
import { applyKey, Keypad, KeypadField, type EntryKind } from './KeypadField.tsx';

export type IssueRequest = Omit<KioskIssueBody, 'source'>;

function target(choice: Choice): Pick<KioskIssueBody, 'queueId' | 'itemId'> {
  // An item lets the server choose its queue and count the item in the statistics.
  return choice.item ? { itemId: choice.item.id } : { queueId: choice.queue.id };
}

function ChoiceSummary({ choice }: { choice: Choice }) {
  return (
    <dl className="k-summary">
      <dt>办理业务</dt>
      <dd>
        {choice.item ? choice.item.name : choice.queue.name}
        {choice.item && <span className="k-muted">（{choice.queue.name}）</span>}
      </dd>
      <dt>当前等候</dt>
      <dd>
        {choice.queue.waiting} 人 · {choice.queue.estimateText}
      </dd>
    </dl>
  );
}

const LABELS: Record<EntryKind, string> = { phone: '手机号码', idNumber: '身份证号码' };

export function DetailsScreen({ choice, busy, onIssue }: { choice: Choice; busy: boolean; onIssue: (r: IssueRequest) => void }) {
  const ids = { phone: useId(), idNumber: useId(), priority: useId() };
  const [priority, setPriority] = useState<DeclaredPriority | ''>('');
  const [values, setValues] = useState<Record<EntryKind, string>>({ phone: '', idNumber: '' });
  const [active, setActive] = useState<EntryKind>('phone');
  const [errors, setErrors] = useState<Record<EntryKind, string | null>>({ phone: null, idNumber: null });

  const set = (kind: EntryKind, value: string) => {
    setValues((v) => ({ ...v, [kind]: value }));
    setErrors((e) => ({ ...e, [kind]: null }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = { phone: phoneProblem(values.phone, false), idNumber: idNumberProblem(values.idNumber) };
    setErrors(found);
    if (found.phone || found.idNumber) {
      setActive(found.phone ? 'phone' : 'idNumber');
      document.getElementById(found.phone ? ids.phone : ids.idNumber)?.focus();
      return;
    }
    onIssue({
      ...target(choice),
      ...(values.phone ? { phone: values.phone } : {}),
      ...(values.idNumber ? { idNumber: values.idNumber } : {}),
      ...(priority ? { priority } : {}),
    });
  };

  return (
    <>
      <h1 tabIndex={-1}>确认取号信息</h1>
      <ChoiceSummary choice={choice} />
      <form className="k-details" onSubmit={submit} noValidate>
        <fieldset className="k-priority">
          <legend id={ids.priority}>是否需要优先办理</legend>
          <div className="k-radios">
            <label className={`k-radio${priority === '' ? ' is-checked' : ''}`}>
              <input type="radio" name="priority" value="" checked={priority === ''} onChange={() => setPriority('')} />
              不需要
            </label>
            {DECLARABLE_PRIORITIES.map((p) => (
              <label key={p.value} className={`k-radio${priority === p.value ? ' is-checked' : ''}`}>
                <input type="radio" name="priority" value={p.value} checked={priority === p.value} onChange={() => setPriority(p.value)} />
                {p.label}
              </label>
            ))}
          </div>
          {priority && <p className="k-hint">请在叫号时向窗口工作人员出示相关证件。</p>}
        </fieldset>
        <div className="k-entries">
          <div className="k-entry-fields">
            <KeypadField
              id={ids.phone}
              kind="phone"
              label={LABELS.phone}
              hint="填写后可在手机上收到“即将轮到您”的提醒"
              value={values.phone}
              error={errors.phone}
              active={active === 'phone'}
              onActivate={() => setActive('phone')}
              onChange={(v) => set('phone', v)}
            />
            <KeypadField
              id={ids.idNumber}
              kind="idNumber"
              label={LABELS.idNumber}
              hint="60 周岁以上老年人可凭身份证号自动优先"
              value={values.idNumber}
              error={errors.idNumber}
              active={active === 'idNumber'}
              onActivate={() => setActive('idNumber')}
              onChange={(v) => set('idNumber', v)}
            />
          </div>
          <Keypad kind={active} targetLabel={LABELS[active]} onKey={(key) => set(active, applyKey(active, values[active], key))} />
        </div>
        <button type="submit" className="k-primary k-issue" disabled={busy}>
          {busy ? '正在取号…' : '确认取号'}
        </button>
      </form>
    </>
  );
}

/** 老年模式: one tap to a ticket, declaring (or not) the elderly priority. */
export function ElderlyConfirmScreen({
  choice,
  busy,
  onIssue,
  onMore,
}: {
  choice: Choice;
  busy: boolean;
  onIssue: (r: IssueRequest) => void;
  onMore: () => void;
}) {
  return (
    <>
      <h1 tabIndex={-1}>{choice.item ? choice.item.name : choice.queue.name}</h1>
      <ChoiceSummary choice={choice} />
      <div className="k-confirm">
        <button type="button" className="k-primary k-confirm-button" disabled={busy} onClick={() => onIssue({ ...target(choice), priority: 'elderly' })}>
          老年人优先取号
          <span className="k-confirm-hint">60 周岁以上，请备好身份证</span>
        </button>
        <button type="button" className="k-primary k-confirm-button k-confirm-plain" disabled={busy} onClick={() => onIssue(target(choice))}>
          普通取号
        </button>
      </div>
      <button type="button" className="k-secondary" onClick={onMore} disabled={busy}>
        填写手机号或选择其他优先（残疾人、孕妇、军人）
      </button>
    </>
  );
}

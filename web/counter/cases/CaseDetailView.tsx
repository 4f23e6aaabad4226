/**
 * One case as the counter reads it (DB36/T 2016 §8.1.2): its state and due dates
 * (剩余 N 个工作日 / 已超期), the five stages of its timeline (咨询 受理 办理 送达 归档,
 * §8.1.2.1) with start, end and duration, the steps of 办理, the materials checklist and
 * every recorded event.
 */
import { Descriptions, Tag } from 'antd';
import type { CaseStatus } from '../../../src/domain/cases/case-states.ts';
import type { TimeLimit } from '../../../src/domain/catalogue/guide.ts';
import { CASE_EVENT_LABELS, labelOf, STAGE_STATE_LABELS, STATUS_COLOURS } from './case-labels.ts';
import { toleranceOf } from './case-actions.ts';
import { dateText, dateTimeText, DEADLINE_COLOURS, durationText, remainingLabel } from './case-format.ts';
import { limitText } from './checklist-model.ts';
import type { CaseDetail } from './types.ts';

export function CaseStatusTag({ status, label }: { status: string; label: string }) {
  return (
    <Tag color={Object.hasOwn(STATUS_COLOURS, status) ? STATUS_COLOURS[status as CaseStatus] : 'default'} data-testid="case-status">
      {label}
    </Tag>
  );
}

/** "剩余 3 个工作日" / "已超期 2 个工作日" beside the promised due date. */
export function DueTag({ c }: { c: Pick<CaseDetail, 'remainingText' | 'deadlineState' | 'promisedDueAt'> }) {
  const text = remainingLabel(c);
  if (!text) return null;
  return (
    <Tag color={c.deadlineState ? DEADLINE_COLOURS[c.deadlineState] : 'default'} data-testid="case-remaining">
      {text}
    </Tag>
  );
}

export function CaseTimeline({ stages }: { stages: CaseDetail['timeline'] }) {
  return (
    <ol className="cw-timeline" aria-label="办件时间轴">
      {stages.map((s) => (
        <li key={s.stage} className={`cw-stage cw-stage-${s.state}`} data-testid="timeline-stage">
          <div className="cw-stage-head">
            <strong>{s.label}</strong>
            <span className="cw-stage-state">{labelOf(STAGE_STATE_LABELS, s.state)}</span>
          </div>
          {s.startedAt ? (
            <dl className="cw-stage-times">
              <dt>开始</dt>
              <dd>{dateTimeText(s.startedAt)}</dd>
              <dt>结束</dt>
              <dd>{s.endedAt ? dateTimeText(s.endedAt) : '进行中'}</dd>
              <dt>用时</dt>
              <dd>{durationText(s.durationSeconds)}</dd>
              {s.counters.length > 0 || s.staff.length > 0 ? (
                <>
                  <dt>经办</dt>
                  <dd>{[...s.counters.map((n) => `${n} 号窗口`), ...s.staff].join('、')}</dd>
                </>
              ) : null}
            </dl>
          ) : (
            <p className="cw-muted">{s.state === 'skipped' ? '未经过' : '尚未开始'}</p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** A stored time limit (the guide's `{ value, unit, note }`). */
const asLimit = (v: Record<string, unknown> | null): TimeLimit | null => (v && typeof v.value === 'number' && typeof v.unit === 'string' ? (v as unknown as TimeLimit) : null);

export function CaseSummaryBlock({ detail }: { detail: CaseDetail }) {
  const tolerance = toleranceOf(detail);
  const limits = detail.items.map((i) => `${detail.items.length > 1 ? `${i.name}：` : ''}承诺 ${limitText(asLimit(i.promisedLimit))}，法定 ${limitText(asLimit(i.legalLimit))}`);
  return (
    <Descriptions size="small" column={2} bordered className="cw-case-summary">
      <Descriptions.Item label="办件编号">{detail.caseNumber}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <CaseStatusTag status={detail.status} label={detail.statusLabel} /> {detail.stageLabel}环节
      </Descriptions.Item>
      <Descriptions.Item label="事项" span={2}>
        {detail.title}
      </Descriptions.Item>
      <Descriptions.Item label="申请人">
        {detail.applicant.name}
        {detail.applicant.kind === 'person' ? `（${detail.applicant.idNumber ?? '—'}）` : `（${detail.applicant.uscc ?? '—'}）`}
      </Descriptions.Item>
      <Descriptions.Item label="联系电话">{detail.applicant.phone}</Descriptions.Item>
      <Descriptions.Item label="受理">{detail.acceptedAt ? `${dateTimeText(detail.acceptedAt)}${detail.counterNumber ? `，${detail.counterNumber} 号窗口` : ''}${detail.clerkName ? ` ${detail.clerkName}` : ''}` : '未受理'}</Descriptions.Item>
      <Descriptions.Item label="办结时限">{limits.join('；') || '—'}</Descriptions.Item>
      <Descriptions.Item label="承诺办结日期">
        {detail.promisedDueAt ? dateText(detail.promisedDueAt) : '—'} <DueTag c={detail} />
      </Descriptions.Item>
      <Descriptions.Item label="法定办结日期">{detail.legalDueAt ? dateText(detail.legalDueAt) : '—'}</Descriptions.Item>
      {detail.suspendedSeconds > 0 || detail.status === 'suspended' ? (
        <Descriptions.Item label="暂停计时" span={2}>
          {detail.status === 'suspended' ? '暂停中；' : ''}累计 {durationText(detail.suspendedSeconds)}（不计入办理时限）
        </Descriptions.Item>
      ) : null}
      {tolerance ? (
        <Descriptions.Item label="容缺材料" span={2}>
          {(tolerance.materials ?? []).map((m) => `${m.name}${m.completedAt ? '（已补齐）' : ''}`).join('、')}；补齐时限 {dateTimeText(tolerance.deadline ?? null)}
          {tolerance.completedAt ? '，已全部补齐' : ''}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

export function ChecklistView({ checklist }: { checklist: CaseDetail['checklist'] }) {
  return (
    <table className="cw-table" aria-label="材料清单">
      <thead>
        <tr>
          <th scope="col">材料</th>
          <th scope="col">核验结果</th>
          <th scope="col">说明</th>
        </tr>
      </thead>
      <tbody>
        {checklist.map((e) => (
          <tr key={`${e.name}|${e.issuingBody ?? ''}`}>
            <td>
              {e.name}
              {e.issuingBody ? <span className="cw-muted">（{e.issuingBody}）</span> : null}
            </td>
            <td>
              <Tag color={e.status === 'provided' ? 'green' : e.status === 'shared' ? 'cyan' : e.status === 'tolerated' ? 'gold' : 'red'}>{e.statusLabel}</Tag>
            </td>
            <td>{e.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StepsView({ steps }: { steps: CaseDetail['steps'] }) {
  if (steps.length === 0) return <p className="cw-muted">尚无办理环节记录。</p>;
  return (
    <table className="cw-table" aria-label="办理环节">
      <thead>
        <tr>
          <th scope="col">环节</th>
          <th scope="col">办理人</th>
          <th scope="col">开始</th>
          <th scope="col">完成</th>
          <th scope="col">意见</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr key={`${s.name}|${s.startedAt}`}>
            <td>{s.name}</td>
            <td>{s.handler}</td>
            <td>{dateTimeText(s.startedAt)}</td>
            <td>{s.finishedAt ? dateTimeText(s.finishedAt) : <Tag color="blue">办理中</Tag>}</td>
            <td>{s.opinion ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EventsView({ events }: { events: CaseDetail['events'] }) {
  return (
    <ol className="cw-events" aria-label="办件记录">
      {events.map((e, i) => (
        <li key={`${e.type}|${e.at}|${i}`}>
          <span className="cw-event-time">{dateTimeText(e.at)}</span>
          <span className="cw-event-type">{labelOf(CASE_EVENT_LABELS, e.type)}</span>
          <span className="cw-muted">{[e.counterNumber ? `${e.counterNumber} 号窗口` : null, e.staffName].filter(Boolean).join(' ')}</span>
        </li>
      ))}
    </ol>
  );
}

/** The facts of one case: what, who (masked unless revealed), due dates, checklist, items and steps (DB36/T 2016 §8.1.2.3–§8.1.2.6). */
import { Descriptions, Table, Tag, Typography } from 'antd';
import { ID_TYPE_LABELS } from '../../../src/domain/cases/applicant.ts';
import { ACCEPTANCE_MODE_LABELS, durationText, limitText, SUSPENSION_KIND_LABELS } from './labels.ts';
import { DeadlineTag, StatusTag } from './CaseTags.tsx';
import { dueText, timeText } from './format.ts';
import type { CaseDetail } from './types.ts';

const label = (table: Readonly<Record<string, string>>, key: string | null | undefined) => (key ? (table[key] ?? key) : '—');
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const arr = (v: unknown) => (Array.isArray(v) ? v.map(obj).filter((x): x is Record<string, unknown> => x !== null) : []);

export function CaseSummaryFacts({ c }: { c: CaseDetail }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'title', label: '事项', children: c.title },
        { key: 'status', label: '状态', children: <StatusTag status={c.status} label={c.statusLabel} /> },
        { key: 'stage', label: '当前环节', children: c.stageLabel },
        { key: 'mode', label: '受理方式', children: label(ACCEPTANCE_MODE_LABELS, c.mode) },
        { key: 'opened', label: '登记时间', children: timeText(c.openedAt) },
        { key: 'accepted', label: '受理时间', children: timeText(c.acceptedAt) },
        { key: 'decided', label: '决定时间', children: c.decidedAt ? `${timeText(c.decidedAt)}（${c.decision === 'approve' ? '准予' : c.decision === 'reject' ? '不予' : c.decision === 'partial' ? '部分准予' : '—'}）` : '—' },
        { key: 'delivered', label: '送达时间', children: timeText(c.deliveredAt) },
        { key: 'archived', label: '归档时间', children: timeText(c.archivedAt) },
        { key: 'counter', label: '受理窗口', children: c.counterNumber ? `${c.counterNumber} 号` : '—' },
        { key: 'clerk', label: '经办人', children: c.clerkName ?? '—' },
        ...(c.crossRegion ? [{ key: 'cross', label: '通办', children: `${c.crossRegion.scope === 'cross_province' ? '跨省通办' : c.crossRegion.scope === 'within_province' ? '省内通办' : '市内通办'}（${c.crossRegion.decidingPlace}）` }] : []),
      ]}
    />
  );
}

export function DueFacts({ c }: { c: CaseDetail }) {
  const extensions = arr(c.detail.extensions);
  const stops = arr(c.detail.stops);
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'promised',
            label: '承诺办结时限',
            children: (
              <span>
                {dueText(c.promisedDueAt)} <DeadlineTag state={c.deadlineState} />
              </span>
            ),
          },
          { key: 'legal', label: '法定办结时限', children: dueText(c.legalDueAt) },
          { key: 'remaining', label: '剩余', children: c.remainingText ?? '—' },
          { key: 'suspended', label: '暂停计时累计', children: c.suspendedSeconds > 0 ? durationText(c.suspendedSeconds) : '无' },
        ]}
      />
      {stops.length > 0 ? (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          暂停计时（§8.1.2.4）：
          {stops.map((s, i) => (
            <span key={i} style={{ display: 'block' }}>
              {label(SUSPENSION_KIND_LABELS, text(s.kind))}：{timeText(text(s.from))} 至 {s.to ? timeText(text(s.to)) : '尚未恢复'}；{text(s.reason)}（批准：{text(s.approver)}）
            </span>
          ))}
        </Typography.Paragraph>
      ) : null}
      {extensions.length > 0 ? (
        <Typography.Paragraph>
          延长时限：
          {extensions.map((e, i) => (
            <span key={i} style={{ display: 'block' }}>
              {timeText(text(e.at))} 延长 {text(e.days)}（与办结时限同单位）；{text(e.reason)}（批准：{text(e.approver)}）
            </span>
          ))}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}

export function ApplicantFacts({ a }: { a: CaseDetail['applicant'] }) {
  const person = a.kind === 'person';
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'kind', label: '申请人类型', children: person ? '自然人' : '法人或其他组织' },
        { key: 'name', label: person ? '姓名' : '单位名称', children: a.name },
        ...(person
          ? [{ key: 'id', label: label(ID_TYPE_LABELS, a.idType), children: a.idNumber ?? '—' }]
          : [
              { key: 'uscc', label: '统一社会信用代码', children: a.uscc ?? '—' },
              { key: 'contact', label: '经办人', children: a.contactName ?? '—' },
            ]),
        { key: 'phone', label: '联系电话', children: a.phone },
        { key: 'address', label: '地址', children: a.address ?? '—' },
      ]}
    />
  );
}

type Material = CaseDetail['checklist'][number];

export function Checklist({ checklist }: { checklist: CaseDetail['checklist'] }) {
  const colour: Readonly<Record<string, string>> = { provided: 'success', shared: 'blue', tolerated: 'gold', missing: 'error', wrong: 'error' };
  return (
    <Table<Material & { key: number }>
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={checklist.map((m, i) => ({ ...m, key: i }))}
      locale={{ emptyText: '无申请材料' }}
      columns={[
        { title: '材料名称', dataIndex: 'name', render: (n: string, m) => <span style={{ display: 'inline-block', maxWidth: 320 }}>{n}{m.issuingBody ? <Typography.Text type="secondary">（{m.issuingBody}）</Typography.Text> : null}</span> },
        { title: '必备', dataIndex: 'required', render: (r: boolean) => (r ? '是' : '否') },
        { title: '核验结果', key: 'status', render: (_: unknown, m) => <Tag color={colour[m.status] ?? 'default'}>{m.statusLabel}</Tag> },
        { title: '可容缺', dataIndex: 'toleranceAllowed', render: (t: boolean) => (t ? '是' : '否') },
        { title: '补正说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
      ]}
    />
  );
}

type Item = CaseDetail['items'][number];

export function CaseItems({ items }: { items: CaseDetail['items'] }) {
  return (
    <Table<Item>
      rowKey="itemId"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={[...items]}
      columns={[
        { title: '事项', dataIndex: 'name' },
        { title: '承诺时限', dataIndex: 'promisedLimit', render: limitText },
        { title: '法定时限', dataIndex: 'legalLimit', render: limitText },
        { title: '决定', dataIndex: 'decision', render: (d: string | null) => (d === 'approve' ? '准予' : d === 'reject' ? '不予' : '未决定') },
        { title: '决定时间', dataIndex: 'decidedAt', render: timeText },
        { title: '理由', dataIndex: 'reasons', render: (r: string | null) => r ?? '—' },
      ]}
    />
  );
}

type Step = CaseDetail['steps'][number];

export function CaseSteps({ steps }: { steps: CaseDetail['steps'] }) {
  return (
    <Table<Step & { key: number }>
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={steps.map((s, i) => ({ ...s, key: i }))}
      locale={{ emptyText: '尚无办理环节记录' }}
      columns={[
        { title: '环节', dataIndex: 'name' },
        { title: '办理人', dataIndex: 'handler' },
        { title: '开始', dataIndex: 'startedAt', render: timeText },
        { title: '完成', dataIndex: 'finishedAt', render: (t: string | null) => (t ? timeText(t) : '办理中') },
        { title: '用时', key: 'took', render: (_: unknown, s) => (s.finishedAt ? durationText((Date.parse(s.finishedAt) - Date.parse(s.startedAt)) / 1000) : '—') },
        { title: '意见', dataIndex: 'opinion', render: (o: string | null) => o ?? '—' },
      ]}
    />
  );
}

/** Refusal, withdrawal, delivery and archive records, as far as the case has them. */
export function OutcomeFacts({ c }: { c: CaseDetail }) {
  const refusal = obj(c.detail.refusal);
  const withdrawal = obj(c.detail.withdrawal);
  const delivery = obj(c.detail.delivery);
  const archive = obj(c.detail.archive);
  const tolerance = obj(c.detail.tolerance);
  const rows: { key: string; label: string; children: string }[] = [];
  if (tolerance) {
    const names = arr(tolerance.materials).map((m) => `${text(m.name) ?? ''}${m.completedAt ? '（已补齐）' : ''}`);
    rows.push({ key: 'tolerance', label: '容缺受理', children: `${names.join('、')}；补齐期限 ${dueText(text(tolerance.deadline))}；${tolerance.completedAt ? `${timeText(text(tolerance.completedAt))} 已补齐` : '尚未补齐'}` });
  }
  const commitment = text(c.detail.commitment);
  if (commitment) rows.push({ key: 'commitment', label: '告知承诺', children: commitment });
  if (refusal) rows.push({ key: 'refusal', label: '不予受理', children: `${timeText(text(refusal.at))}；理由：${text(refusal.reason) ?? '—'}；依据：${text(refusal.legalBasis) ?? '—'}` });
  if (withdrawal) rows.push({ key: 'withdrawal', label: '撤回', children: `${timeText(text(withdrawal.at))}；${text(withdrawal.reason) ?? ''}` });
  if (delivery) {
    rows.push(
      delivery.method === 'pickup'
        ? { key: 'delivery', label: '送达（现场领取）', children: `${text(delivery.place) ?? ''}；通知 ${timeText(text(delivery.notifiedAt))}；${delivery.pickedUpAt ? `${timeText(text(delivery.pickedUpAt))} 由 ${text(delivery.pickerName) ?? '—'} 领取` : '尚未领取'}` }
        : { key: 'delivery', label: '送达（邮寄）', children: `${text(delivery.carrier) ?? ''} ${text(delivery.trackingNumber) ?? ''}；寄往 ${text(delivery.address) ?? '—'}；${delivery.deliveredAt ? `${timeText(text(delivery.deliveredAt))} 签收` : '尚未签收'}` },
    );
  }
  if (archive) rows.push({ key: 'archive', label: '归档', children: `${timeText(text(archive.archivedAt))}；${text(archive.location) ?? ''}；${archive.medium === 'electronic' ? '电子档案' : '纸质档案'}，保管 ${text(archive.retentionYears) ?? '—'} 年` });
  if (rows.length === 0) return null;
  return <Descriptions size="small" column={1} items={rows} />;
}

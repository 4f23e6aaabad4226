/**
 * The decision at the counter (DB36/T 2016 §8.1.2.3, §8.2.7, §7.5.2.3): 受理, 容缺受理
 * (the tolerated materials, their deadline and the applicant's commitment), 告知承诺受理
 * (the commitment), 一次性告知补正 (every material missing or wrong, with the problem, at
 * once), 不予受理 (reason and legal basis). Only the decisions the checklist allows are
 * offered, by the server's own rule.
 */
import { Alert, DatePicker, Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';
import {
  commitmentTemplate,
  correctionList,
  DECISION_ORDER,
  DECISIONS,
  toleranceDeadlineText,
  toleratedList,
  type CaseRules,
  type ChecklistRow,
  type CounterDecision,
} from './checklist-model.ts';

export interface DecisionValues {
  decision?: CounterDecision;
  commitment?: string;
  completionDeadline?: Dayjs | null;
  reason?: string;
  legalBasis?: string;
  note?: string;
}

const WHY_NOT: Readonly<Record<CounterDecision, string>> = {
  accept_normal: '必备材料尚未全部收齐',
  accept_tolerance: '须有可容缺的材料标为“容缺”，且其余必备材料已收齐；该事项须实行容缺受理',
  accept_commitment: '该事项未实行告知承诺制，或必备材料尚未收齐',
  correction: '没有缺少或不符合要求的材料',
  refuse: '',
};

export function DecisionFields({ rules, allowed }: { rules: CaseRules; allowed: readonly CounterDecision[] }) {
  const form = Form.useFormInstance();
  const decision = Form.useWatch<CounterDecision | undefined>('decision', form);
  const rows = (Form.useWatch<ChecklistRow[] | undefined>('materials', form) ?? []) as readonly (ChecklistRow | undefined)[];

  // A decision the checklist no longer allows is dropped; the commitment text is prefilled once per decision.
  useEffect(() => {
    if (decision && !allowed.includes(decision)) form.setFieldValue('decision', undefined);
  }, [allowed, decision, form]);
  const prefilled = useRef<string | null>(null);
  useEffect(() => {
    if (decision !== 'accept_tolerance' && decision !== 'accept_commitment') return;
    const current = (form.getFieldValue('commitment') as string | undefined) ?? '';
    if (current.trim() === '' || current === prefilled.current) {
      prefilled.current = commitmentTemplate(decision, toleratedList(rules, rows));
      form.setFieldValue('commitment', prefilled.current);
    }
    // Only when the decision changes (the rows and rules of that moment): the clerk's own edits of the text are kept.
  }, [decision, form]);

  const meta = decision ? DECISIONS[decision] : null;
  const tolerated = toleratedList(rules, rows);
  const corrections = correctionList(rules, rows);

  return (
    <>
      <Form.Item label="受理决定" name="decision" rules={[{ required: true, message: '请选择受理决定' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          className="cw-decisions"
          options={DECISION_ORDER.map((d) => ({
            value: d,
            label: DECISIONS[d].label,
            disabled: !allowed.includes(d),
            title: allowed.includes(d) ? DECISIONS[d].hint : `不可选：${WHY_NOT[d]}`,
          }))}
        />
      </Form.Item>
      {meta ? (
        <Typography.Paragraph type="secondary" className="cw-decision-hint">
          {meta.hint}
        </Typography.Paragraph>
      ) : null}

      {decision === 'accept_tolerance' ? (
        <>
          <Alert
            type="warning"
            showIcon
            className="cw-decision-alert"
            title={`容缺材料：${tolerated.map((m) => m.name).join('、') || '（未选择）'}`}
            description={tolerated.map((m) => `${m.name}：${toleranceDeadlineText(m)}${m.tolerance?.conditions ? `；容缺条件：${m.tolerance.conditions}` : ''}`).join('；')}
          />
          <Form.Item
            label="补齐时限（选填，不得晚于办事指南规定的时限）"
            name="completionDeadline"
            extra="不填则按办事指南规定的补齐时限计算，受理后显示具体日期。"
          >
            <DatePicker style={{ width: 220 }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </>
      ) : null}

      {decision === 'accept_tolerance' || decision === 'accept_commitment' ? (
        <Form.Item
          label={decision === 'accept_tolerance' ? '申请人补齐承诺' : '申请人承诺内容'}
          name="commitment"
          rules={[
            { required: true, whitespace: true, message: decision === 'accept_tolerance' ? '容缺受理须记录申请人的补齐承诺（§8.2.7）' : '告知承诺受理须记录申请人的承诺内容（§8.2.7）' },
            { max: 1000, message: '不超过 1000 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      ) : null}

      {decision === 'correction' ? (
        <>
          <div className="cw-correction" role="group" aria-label="需一次性告知补正的材料">
            <Typography.Text strong>一次性告知补正以下全部材料（共 {corrections.length} 项）：</Typography.Text>
            <ol>
              {corrections.map((c) => (
                <li key={c.name}>
                  {c.name}：{c.problem}
                </li>
              ))}
            </ol>
          </div>
          <Form.Item label="其他告知事项（选填）" name="note" rules={[{ max: 500, message: '不超过 500 字' }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      ) : null}

      {decision === 'refuse' ? (
        <>
          <Form.Item label="不予受理的理由" name="reason" rules={[{ required: true, whitespace: true, message: '不予受理须说明理由（§7.5.2.3）' }, { max: 500, message: '不超过 500 字' }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item label="法律依据" name="legalBasis" rules={[{ required: true, whitespace: true, message: '不予受理须写明法律依据' }, { max: 500, message: '不超过 500 字' }]}>
            <Input.TextArea rows={2} maxLength={500} placeholder="如：《中华人民共和国行政许可法》第三十二条第一款" />
          </Form.Item>
          <Typography.Paragraph type="secondary">不予受理将自动报备，由中心管理人员复核（否定事项报备，§7.5.2.3）。</Typography.Paragraph>
        </>
      ) : null}
    </>
  );
}

/**
 * One action on a case, as a dialog (DB36/T 2016 §8.1.2.4 办理, §8.1.2.5 送达, §8.1.2.6
 * 归档; §8.2.7 容缺): the data the transition needs, checked by the server, whose refusals
 * appear at their fields. Enter in a one-line field submits; Esc closes.
 */
import { Checkbox, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { ID_TYPES, ID_TYPE_LABELS } from '../../../src/domain/cases/applicant.ts';
import { ARCHIVE_MEDIA, DEFAULT_RETENTION_YEARS, SUSPENSION_KINDS, SUSPENSION_KIND_LABELS } from '../../../src/domain/cases/case-states.ts';
import { ModalForm } from '../../shared/ModalForm.tsx';
import { actionBody, stepKey, type ActionValues } from './action-body.ts';
import { idNumberHint, warnRule } from './applicant-check.ts';
import { applyTransition, type StepChoice } from './case-api.ts';
import { atActionFields, DETAIL_ACTION_LABELS, openSteps, outstandingTolerated, type DetailAction } from './case-actions.ts';
import type { CaseDetail } from './types.ts';

function initialValues(action: DetailAction, detail: CaseDetail, clerkName: string, steps: readonly StepChoice[]): ActionValues {
  switch (action) {
    case 'start_step': {
      const begun = new Set(detail.steps.map((s) => stepKey(s)));
      const next = steps.find((s) => !begun.has(stepKey(s)) && !['申请', '受理'].includes(s.name)) ?? steps.find((s) => !begun.has(stepKey(s)));
      return { handler: clerkName, ...(next ? { step: stepKey(next) } : {}) };
    }
    case 'finish_step': {
      const open = openSteps(detail)[0];
      return open ? { step: stepKey(open) } : {};
    }
    case 'suspend':
      return { kind: 'correction_after_acceptance' };
    case 'extend':
      return { days: 5 };
    case 'complete_tolerance':
      return { materials: outstandingTolerated(detail) };
    case 'decide': {
      const undecided = detail.items.filter((i) => i.decision === null);
      return { decision: 'approve', ...(detail.items.length > 1 && undecided[0] ? { itemId: undecided[0].itemId } : {}) };
    }
    case 'notify_pickup':
      return { place: detail.counterNumber ? `${detail.counterNumber} 号窗口（统一出件）` : '统一出件窗口' };
    case 'picked_up':
      return { relation: 'applicant', pickerIdType: 'resident_id', identityChecked: false };
    case 'post':
      return { free: true, carrier: '中国邮政 EMS' };
    case 'archive':
      return { retentionYears: DEFAULT_RETENTION_YEARS, medium: 'paper' };
    default:
      return {};
  }
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

function Fields({ action, detail, steps }: { action: DetailAction; detail: CaseDetail; steps: readonly StepChoice[] }) {
  const form = Form.useFormInstance<ActionValues>();
  const decision = Form.useWatch('decision', form);
  const idType = Form.useWatch('pickerIdType', form) ?? 'resident_id';
  switch (action) {
    case 'resubmit':
      return <Typography.Paragraph>申请人已按一次性告知书补正材料。重新提交后，逐项核验材料并作出受理决定。</Typography.Paragraph>;
    case 'start_step': {
      const begun = new Set(openSteps(detail).map((s) => stepKey(s)));
      return (
        <>
          <Form.Item label="办理环节" name="step" rules={[{ required: true, message: '请选择办理环节' }]}>
            <Select
              options={steps.map((s) => ({
                value: stepKey(s),
                label: detail.items.length > 1 || s.itemId === null ? `${s.name}（${s.itemName}）` : s.name,
                disabled: begun.has(stepKey(s)),
              }))}
              notFoundContent="该事项的办事指南未列办理流程"
            />
          </Form.Item>
          <Form.Item label="办理人" name="handler" rules={required('须写明办理人')}>
            <Input maxLength={50} />
          </Form.Item>
        </>
      );
    }
    case 'finish_step':
      return (
        <>
          <Form.Item label="办理环节" name="step" rules={[{ required: true, message: '请选择办理环节' }]}>
            <Select options={openSteps(detail).map((s) => ({ value: stepKey(s), label: `${s.name}（${s.handler}）` }))} />
          </Form.Item>
          <Form.Item label="办理意见（选填）" name="opinion" rules={[{ max: 1000, message: '不超过 1000 字' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </>
      );
    case 'suspend':
      return (
        <>
          <Typography.Paragraph type="secondary">暂停期间不计入办理时限（§8.1.2.4），须经批准。</Typography.Paragraph>
          <Form.Item label="暂停类型" name="kind" rules={[{ required: true, message: '请选择暂停类型' }]}>
            <Radio.Group options={SUSPENSION_KINDS.map((k) => ({ value: k, label: SUSPENSION_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item label="暂停理由" name="reason" rules={required('暂停计时须说明理由')}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item label="批准人" name="approver" rules={required('暂停计时须写明批准人')}>
            <Input maxLength={50} />
          </Form.Item>
        </>
      );
    case 'resume':
      return (
        <Form.Item label="说明（选填）" name="note" rules={[{ max: 500, message: '不超过 500 字' }]}>
          <Input maxLength={500} placeholder="如：申请人已补正材料" />
        </Form.Item>
      );
    case 'extend':
      return (
        <>
          <Form.Item label="延长天数（工作日）" name="days" rules={[{ required: true, message: '请填写延长天数' }]}>
            <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="延长理由" name="reason" rules={required('延长时限须说明理由')}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item label="批准人" name="approver" rules={required('延长时限须写明批准人')}>
            <Input maxLength={50} />
          </Form.Item>
        </>
      );
    case 'complete_tolerance':
      return (
        <Form.Item label="已补齐的容缺材料" name="materials" rules={[{ required: true, type: 'array', min: 1, message: '请选择已补齐的材料' }]}>
          <Checkbox.Group options={outstandingTolerated(detail).map((n) => ({ value: n, label: n }))} />
        </Form.Item>
      );
    case 'decide': {
      const undecided = detail.items.filter((i) => i.decision === null);
      return (
        <>
          {detail.items.length > 1 ? (
            <Form.Item label="作出决定的事项" name="itemId" rules={[{ required: true, message: '“一件事”办件须指明事项' }]}>
              <Select options={undecided.map((i) => ({ value: i.itemId, label: i.name }))} />
            </Form.Item>
          ) : null}
          <Form.Item label="决定" name="decision" rules={[{ required: true, message: '请选择决定' }]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'approve', label: '准予' },
                { value: 'reject', label: '不予' },
              ]}
            />
          </Form.Item>
          <Form.Item
            label={decision === 'reject' ? '不予决定的理由或改正意见' : '决定说明（选填）'}
            name="reasons"
            rules={[{ max: 2000, message: '不超过 2000 字' }, ...(decision === 'reject' ? required('不予决定须详细说明理由或改正意见（§8.1.2.4b）') : [])]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      );
    }
    case 'notify_pickup':
      return (
        <Form.Item label="领取地点" name="place" rules={required('须写明领取地点（统一出件窗口）')}>
          <Input maxLength={100} />
        </Form.Item>
      );
    case 'picked_up':
      return (
        <>
          <Form.Item label="领取人" name="relation">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'applicant', label: '申请人本人' },
                { value: 'agent', label: '受托人' },
              ]}
            />
          </Form.Item>
          <Form.Item label="领取人姓名" name="pickerName" rules={required('须登记领取人姓名')}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
          <Form.Item label="证件类型" name="pickerIdType">
            <Select options={ID_TYPES.map((k) => ({ value: k, label: ID_TYPE_LABELS[k] }))} />
          </Form.Item>
          <Form.Item label="证件号码" name="pickerIdNumber" dependencies={['pickerIdType']} rules={[...required('须登记领取人证件号码'), warnRule((v) => idNumberHint(idType, v))]}>
            <Input maxLength={30} autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item
            name="identityChecked"
            valuePropName="checked"
            rules={[{ validator: (_, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error('领取前须核验领取人身份'))) }]}
          >
            <Checkbox>已核验领取人身份（证件与本人一致）</Checkbox>
          </Form.Item>
        </>
      );
    case 'post':
      return (
        <>
          <Form.Item label="寄递地址" name="address" rules={required('须写明寄递地址')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="寄递企业" name="carrier" rules={required('须写明寄递企业')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="运单号" name="trackingNumber" rules={required('须写明运单号')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="free" valuePropName="checked">
            <Checkbox>免费寄递</Checkbox>
          </Form.Item>
        </>
      );
    case 'delivered':
      return (
        <Form.Item label="签收人（选填）" name="signedBy" rules={[{ max: 50, message: '不超过 50 字' }]}>
          <Input maxLength={50} />
        </Form.Item>
      );
    case 'archive':
      return (
        <>
          <Form.Item label="档案存放位置" name="location" rules={required('须写明档案存放位置')}>
            <Input maxLength={100} placeholder="如：档案室 A 区 3 号柜" />
          </Form.Item>
          <Form.Item label="保存期限（年）" name="retentionYears" extra={`纸质档案保存不少于 ${DEFAULT_RETENTION_YEARS} 年（§7.2.1b）`} rules={[{ required: true, message: '请填写保存期限' }]}>
            <InputNumber min={1} max={100} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="载体" name="medium">
            <Radio.Group options={ARCHIVE_MEDIA.map((m) => ({ value: m, label: m === 'paper' ? '纸质' : '电子' }))} />
          </Form.Item>
        </>
      );
    case 'withdraw':
      return (
        <Form.Item label="撤回原因" name="reason" rules={required('须写明撤回原因')}>
          <Input maxLength={500} />
        </Form.Item>
      );
  }
}

/** A step is chosen as one field (`step`: its item and name); the tolerated materials as one list. */
function dialogPath(action: DetailAction): (path: string) => string {
  if (action === 'start_step' || action === 'finish_step') return (path) => path.replace(/^\/(name|itemId)$/, '/step');
  return (path) => path.replace(/^\/materials\/\d+$/, '/materials');
}

export function CaseActionDialog({
  action,
  detail,
  steps,
  clerkName,
  onClose,
  afterClose,
  onDone,
}: {
  action: DetailAction | null;
  detail: CaseDetail;
  steps: readonly StepChoice[];
  clerkName: string;
  onClose: () => void;
  afterClose: () => void;
  onDone: (next: CaseDetail, action: DetailAction) => void;
}) {
  const current = action ?? 'resume';
  return (
    <ModalForm<ActionValues>
      title={`${DETAIL_ACTION_LABELS[current]} · ${detail.caseNumber}`}
      open={action !== null}
      okText={DETAIL_ACTION_LABELS[current]}
      initialValues={initialValues(current, detail, clerkName, steps)}
      width={560}
      onClose={onClose}
      afterClose={afterClose}
      onSubmit={async (values) => {
        try {
          const next = await applyTransition(detail.id, actionBody(current, values));
          onDone(next, current);
        } catch (e) {
          throw atActionFields(e, dialogPath(current));
        }
      }}
    >
      <Fields action={current} detail={detail} steps={steps} />
    </ModalForm>
  );
}

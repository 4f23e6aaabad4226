/**
 * The reviewer's actions on a version (DB36/T 2016 §7.3.2.2c 合法性审查): approve and
 * publish from an effective date, reject with an opinion, withdraw a published version.
 */
import { Button, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { ModalForm } from '../../shared/ModalForm.tsx';
import type { VersionSummary } from '../../shared/types.ts';
import { useSession } from '../session.tsx';

type Dialog = 'approve' | 'reject' | 'withdraw' | null;

interface ReviewValues {
  reviewer: string;
  opinion: string;
  effectiveOn?: Dayjs;
}

export interface ReviewActionsProps {
  readonly itemId: string;
  readonly version: Pick<VersionSummary, 'number' | 'status'>;
  /** Called after a successful action with what was done, in Chinese. */
  readonly onDone: (done: string) => void;
  readonly size?: 'small' | 'middle';
}

export function ReviewActions({ itemId, version, onDone, size }: ReviewActionsProps) {
  const { me } = useSession();
  const [dialog, setDialog] = useState<Dialog>(null);
  const at = `/api/v1/items/${itemId}/versions/${version.number}`;
  const defaults = { reviewer: me.user.displayName, effectiveOn: dayjs().startOf('day') };
  const reviewFields = (
    <>
      <Form.Item label="合法性审查人" name="reviewer" rules={[{ required: true, whitespace: true, message: '请填写审查人' }, { max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label="审查意见" name="opinion" rules={[{ required: true, whitespace: true, message: '请填写审查意见' }, { max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
    </>
  );

  return (
    <>
      {version.status === 'submitted' ? (
        <>
          <Button size={size} type="primary" onClick={() => setDialog('approve')}>
            审查通过并发布
          </Button>
          <Button size={size} onClick={() => setDialog('reject')}>
            审查退回
          </Button>
        </>
      ) : null}
      {version.status === 'published' ? (
        <Button size={size} danger onClick={() => setDialog('withdraw')}>
          撤回发布
        </Button>
      ) : null}
      <ModalForm<ReviewValues>
        title={`合法性审查通过并发布第 ${version.number} 版（§7.3.2.2c）`}
        okText="审查通过并发布"
        open={dialog === 'approve'}
        initialValues={defaults}
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          await api.post(`${at}/approve`, { reviewer: v.reviewer.trim(), opinion: v.opinion.trim(), effectiveOn: (v.effectiveOn ?? dayjs()).format('YYYY-MM-DD') });
          onDone(`第 ${version.number} 版已发布`);
        }}
      >
        {reviewFields}
        <Form.Item label="生效日期" name="effectiveOn" rules={[{ required: true, message: '请选择生效日期' }]} extra="生效日起公开办事指南以本版为准（§7.3.2.1）">
          <DatePicker disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} format="YYYY-MM-DD" />
        </Form.Item>
      </ModalForm>
      <ModalForm<ReviewValues>
        title={`审查退回第 ${version.number} 版`}
        okText="退回修改"
        open={dialog === 'reject'}
        initialValues={{ reviewer: me.user.displayName }}
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          await api.post(`${at}/reject`, { reviewer: v.reviewer.trim(), opinion: v.opinion.trim() });
          onDone(`第 ${version.number} 版已退回修改`);
        }}
      >
        {reviewFields}
      </ModalForm>
      <ModalForm<{ reason?: string }>
        title={`撤回第 ${version.number} 版`}
        okText="撤回"
        open={dialog === 'withdraw'}
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          await api.post(`${at}/withdraw`, { reason: v.reason?.trim() || null });
          onDone(`第 ${version.number} 版已撤回`);
        }}
      >
        <Form.Item label="撤回原因" name="reason" rules={[{ max: 1000 }]} extra="撤回后公众不再看到该版本，记录保留可查">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      </ModalForm>
    </>
  );
}

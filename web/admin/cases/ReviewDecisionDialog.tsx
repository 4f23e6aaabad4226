/** §7.5.2.3 复核: a manager confirms (维持) or overturns (纠正) a refusal, always with an opinion; an overturned case is opened again for acceptance. */
import { Form, Input, Radio, Typography } from 'antd';
import { api } from '../../shared/api.ts';
import { ModalForm } from '../../shared/ModalForm.tsx';
import type { ReviewDecisionBody, ReviewView } from './types.ts';

export function ReviewDecisionDialog({ review, onClose, onDecided }: { review: ReviewView | null; onClose: () => void; onDecided: (r: ReviewView) => void }) {
  return (
    <ModalForm<ReviewDecisionBody>
      title="复核否定事项"
      open={review !== null}
      onClose={onClose}
      okText="提交复核"
      initialValues={{ decision: 'confirm', opinion: '' }}
      onSubmit={async (v) => {
        if (!review) return;
        onDecided(await api.post<ReviewView>(`/api/v1/refusal-reviews/${review.id}/decision`, { decision: v.decision, opinion: v.opinion.trim() }));
      }}
    >
      {review ? (
        <Typography.Paragraph>
          {review.itemName ?? '（未开件）'} · 服务对象 {review.applicantName}
          <br />
          理由：{review.reason}
          <br />
          依据：{review.legalBasis}
        </Typography.Paragraph>
      ) : null}
      <Form.Item label="复核结论" name="decision" rules={[{ required: true, message: '请选择复核结论' }]}>
        <Radio.Group
          options={[
            { value: 'confirm', label: '维持（否定理由成立）' },
            { value: 'overturn', label: '纠正（重新受理）' },
          ]}
        />
      </Form.Item>
      <Form.Item label="复核意见" name="opinion" rules={[{ required: true, whitespace: true, message: '请填写复核意见' }]}>
        <Input.TextArea rows={4} maxLength={1000} showCount />
      </Form.Item>
    </ModalForm>
  );
}

/**
 * 咨询登记 (DB36/T 2016 §8.1.2.2): who asked (name, unit, contact), the question, the
 * complete answer given at once (一次性告知), and whether the person was referred to
 * another area, department or counter, and where. Afterwards the one-time notice
 * (一次性告知书) prints for the person.
 */
import { Button, Checkbox, Col, Form, Input, Modal, Result, Row, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { applyApiError, FormError, type FormFailure } from '../../shared/form-errors.tsx';
import { textOrNull } from '../../shared/values.ts';
import type { TicketView } from '../types.ts';
import { recordConsultation } from './case-api.ts';
import { consultationNoticeUrl } from './case-actions.ts';
import { NoticeButtons } from './NoticeButtons.tsx';
import type { ConsultationView } from './types.ts';

interface ConsultationValues {
  applicantName?: string;
  unit?: string;
  contact?: string;
  question?: string;
  answer?: string;
  referred?: boolean;
  referredTo?: string;
}

export function ConsultationDialog({
  open,
  centreId,
  ticket,
  onClose,
  afterClose,
  onRecorded,
}: {
  open: boolean;
  centreId: string;
  ticket: TicketView | null;
  onClose: () => void;
  afterClose: () => void;
  onRecorded: (c: ConsultationView) => void;
}) {
  const [form] = Form.useForm<ConsultationValues>();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState<ConsultationView | null>(null);
  const notice = useRef<HTMLAnchorElement>(null);
  const nameField = useRef<InputRef>(null);
  const referred = Form.useWatch('referred', form) ?? false;

  useEffect(() => {
    if (recorded) window.setTimeout(() => notice.current?.focus(), 0);
  }, [recorded]);
  useEffect(() => {
    if (!open) return;
    setRecorded(null);
    setFailure(null);
  }, [open]);

  const submit = async (v: ConsultationValues) => {
    setBusy(true);
    setFailure(null);
    try {
      const c = await recordConsultation(centreId, {
        applicantName: (v.applicantName ?? '').trim(),
        unit: textOrNull(v.unit),
        contact: textOrNull(v.contact),
        question: (v.question ?? '').trim(),
        answer: (v.answer ?? '').trim(),
        referred: v.referred === true,
        referredTo: v.referred ? textOrNull(v.referredTo) : null,
        ...(ticket && (ticket.status === 'serving' || ticket.status === 'called') ? { ticketId: ticket.id } : {}),
      });
      setRecorded(c);
      onRecorded(c);
    } catch (e) {
      setFailure(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={recorded ? '咨询已登记' : '咨询登记（一次性告知）'}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      // The name is typed first (Esc closes; the modal's own focus would sit on its close button).
      afterOpenChange={(visible) => {
        if (visible) nameField.current?.focus();
      }}
      destroyOnHidden
      width={720}
      footer={
        recorded ? (
          <Button onClick={onClose}>完成（Esc）</Button>
        ) : (
          <>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()} aria-keyshortcuts="Control+Enter">
              登记 <kbd className="cw-kbd">Ctrl+Enter</kbd>
            </Button>
          </>
        )
      }
    >
      {recorded ? (
        <Result
          status="success"
          title={`已登记 ${recorded.applicantName} 的咨询`}
          subTitle={recorded.referred ? `已指引至：${recorded.referredTo ?? ''}` : '已一次性告知办理要求'}
          extra={<NoticeButtons ref={notice} primary notices={[{ url: consultationNoticeUrl(centreId, recorded.id), label: '一次性告知书' }]} />}
        />
      ) : (
        <Form<ConsultationValues>
          form={form}
          name="consultation"
          layout="vertical"
          initialValues={{ referred: false }}
          clearOnDestroy
          onFinish={(v) => void submit(v)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              form.submit();
            }
          }}
        >
          <FormError failure={failure} />
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label="姓名" name="applicantName" rules={[{ required: true, whitespace: true, message: '请填写服务对象姓名' }]}>
                <Input ref={nameField} maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="单位（选填）" name="unit">
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="联系方式（选填）" name="contact">
                <Input maxLength={30} autoComplete="off" inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="咨询内容" name="question" rules={[{ required: true, whitespace: true, message: '请填写咨询内容' }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item label="答复（一次性告知办理条件、材料、流程）" name="answer" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          <Form.Item name="referred" valuePropName="checked" style={{ marginBottom: referred ? 8 : undefined }}>
            <Checkbox>不属于本窗口办理，已指引至其他区域、部门或窗口（§8.1.2.2b）</Checkbox>
          </Form.Item>
          {referred ? (
            <Form.Item label="指引去向" name="referredTo" rules={[{ required: true, whitespace: true, message: '请写明指引去向' }]}>
              <Input maxLength={100} placeholder="如：二楼不动产登记专区 32 号窗口" />
            </Form.Item>
          ) : null}
        </Form>
      )}
    </Modal>
  );
}

/**
 * One application material (申请材料, DB36/T 2016 §7.3.3.3): issuing body, originals and
 * copies, whether required, obtained by data sharing (§8.1.2.3c), 容缺 with its
 * conditions and completion deadline (§8.2.7), electronic licence (§8.2.5), blank
 * form and sample uploaded as files (§6.3.2).
 */
import { Checkbox, Col, Flex, Form, Input, InputNumber, Row } from 'antd';
import { FileUpload } from '../files/FileUpload.tsx';
import { useCentreId } from '../lookups.ts';
import { TimeLimitField } from './TimeLimitField.tsx';

export interface MaterialFieldsProps {
  /** The material's index inside the list (Form.List field name). */
  readonly name: number;
  /** 第 N 项材料：for screen readers, the labels repeat on every material. */
  readonly context: string;
}

export function MaterialFields({ name, context }: MaterialFieldsProps) {
  const form = Form.useFormInstance();
  const centreId = useCentreId();
  const tolerated = Form.useWatch(['guide', 'materials', name, 'tolerance', 'enabled'], form) as boolean | undefined;
  return (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <Form.Item label="材料名称" name={[name, 'name']} rules={[{ required: true, whitespace: true, message: '请输入材料名称' }, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="出具机构" name={[name, 'issuingBody']} rules={[{ max: 200 }]} extra="申请人自备的可不填">
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item label="原件份数" name={[name, 'originals']}>
          <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item label="复印件份数" name={[name, 'copies']}>
          <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Flex wrap gap={16}>
          <Form.Item name={[name, 'required']} valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>必备材料</Checkbox>
          </Form.Item>
          <Form.Item name={[name, 'viaDataSharing']} valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>通过数据共享获取，不向申请人索要（§8.1.2.3c）</Checkbox>
          </Form.Item>
          <Form.Item name={[name, 'eLicenceAccepted']} valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>可用电子证照（§8.2.5）</Checkbox>
          </Form.Item>
          <Form.Item name={[name, 'tolerance', 'enabled']} valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>可容缺受理（§8.2.7）</Checkbox>
          </Form.Item>
        </Flex>
      </Col>
      {tolerated ? (
        <>
          <Col xs={24} md={12}>
            <Form.Item label="容缺受理条件" name={[name, 'tolerance', 'conditions']} rules={[{ max: 1000 }]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <TimeLimitField name={[name, 'tolerance', 'completionDeadline']} label="补齐材料时限" context={context} />
          </Col>
        </>
      ) : null}
      {/* DB36/T 2016 §6.3.2: blank form and sample, stored files of the centre. */}
      <Col xs={24} md={6}>
        <Form.Item label="空白表格" name={[name, 'blankFormFileId']}>
          <FileUpload centreId={centreId ?? ''} buttonText="上传空白表格" />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item label="格式范本" name={[name, 'sampleFileId']}>
          <FileUpload centreId={centreId ?? ''} buttonText="上传格式范本" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="备注" name={[name, 'note']} rules={[{ max: 1000 }]}>
          <Input maxLength={1000} />
        </Form.Item>
      </Col>
    </Row>
  );
}

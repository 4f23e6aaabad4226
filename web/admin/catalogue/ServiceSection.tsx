/**
 * How and where the item is handled (DB36/T 2016 §7.3.3.3: 审查标准、办理形式、通办范围、
 * 预约办理、网上支付、物流快递、办理地点、办理时间、咨询电话、监督电话) and the §8.2 list flags.
 */
import { Checkbox, Col, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { HANDLING_FORM_OPTIONS, LIST_FLAGS, SERVICE_OBJECT_OPTIONS, STATED_FLAGS, THROUGH_SCOPE_OPTIONS } from './labels.ts';

const G = (...path: string[]) => ['guide', ...path];
const PHONE = { pattern: /^[0-9+\-() ]{3,50}$/, message: '电话号码格式不正确' };
const STATED_OPTIONS = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
  { value: 'unset', label: '未填写' },
];

export function ServiceSection() {
  return (
    <Row gutter={16}>
      <Col xs={24} md={14}>
        <Form.Item label="办理形式（可多选）" name={G('handlingForms')}>
          <Checkbox.Group options={HANDLING_FORM_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item label="通办范围" name={G('throughScope')} extra="跨省通办须为全国；省内通办须为全省或全国（§8.2.6）">
          <Select allowClear placeholder="未填写" options={THROUGH_SCOPE_OPTIONS} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="服务对象" name={G('serviceObjects')}>
          <Checkbox.Group options={SERVICE_OBJECT_OPTIONS} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="审查标准" name={G('reviewStandard')} rules={[{ max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
      </Col>
      {STATED_FLAGS.map((f) => (
        <Col key={f.key} xs={24} md={8}>
          <Form.Item label={f.label} name={G('flags', f.key)}>
            <Radio.Group optionType="button" options={STATED_OPTIONS} aria-label={f.label} />
          </Form.Item>
        </Col>
      ))}
      <Col span={24}>
        <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
          <legend style={{ fontSize: 14, marginBottom: 8, border: 0 }}>服务清单标注（§8.2）</legend>
          <Flex wrap gap={16}>
            {LIST_FLAGS.map((f) => (
              <Form.Item key={f.key} name={G('flags', f.key)} valuePropName="checked" style={{ marginBottom: 0 }}>
                <Checkbox>
                  {f.label}
                  <Typography.Text type="secondary">（{f.clause}）</Typography.Text>
                </Checkbox>
              </Form.Item>
            ))}
          </Flex>
        </fieldset>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="办理地点" name={G('place')} rules={[{ max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="办理时间" name={G('hours')} rules={[{ max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="咨询电话" name={G('consultationPhone')} rules={[PHONE]}>
          <Input inputMode="tel" maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="监督电话" name={G('supervisionPhone')} rules={[PHONE]}>
          <Input inputMode="tel" maxLength={50} />
        </Form.Item>
      </Col>
    </Row>
  );
}

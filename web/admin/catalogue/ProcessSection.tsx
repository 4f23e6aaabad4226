/** 办理流程: the steps in order (DB36/T 2016 §7.3.3.3), each with an optional description and time limit. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, Row } from 'antd';
import { ListControls } from './ListControls.tsx';
import { TimeLimitField } from './TimeLimitField.tsx';

/** The usual steps of an administrative licence, offered on an empty list. */
const STANDARD_STEPS = ['申请', '受理', '审查', '决定', '送达'];

export function ProcessSection() {
  return (
    <Form.List name={['guide', 'process']}>
      {(fields, { add, remove, move }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => {
            const noun = `第 ${index + 1} 步`;
            return (
              <Card key={field.key} size="small" role="group" aria-label={noun} title={noun} extra={<ListControls index={index} count={fields.length} noun={noun} move={move} remove={remove} />}>
                <Row gutter={12}>
                  <Col xs={24} md={6}>
                    <Form.Item label="环节名称" name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请输入环节名称' }, { max: 100 }]}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item label="环节说明" name={[field.name, 'description']} rules={[{ max: 2000 }]}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <TimeLimitField name={[field.name, 'timeLimit']} label="环节时限" context={noun} />
                  </Col>
                </Row>
              </Card>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Flex gap={8} wrap>
            <Button icon={<PlusOutlined />} onClick={() => add({ timeLimit: { unit: 'working_day' } })}>
              添加环节
            </Button>
            {fields.length === 0 ? (
              <Button onClick={() => STANDARD_STEPS.forEach((name) => add({ name, timeLimit: { unit: 'working_day' } }))}>按“申请、受理、审查、决定、送达”填入</Button>
            ) : null}
          </Flex>
        </Flex>
      )}
    </Form.List>
  );
}

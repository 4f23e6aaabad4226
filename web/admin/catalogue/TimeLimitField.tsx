/** A time limit (办结时限): a whole number and its unit (工作日、自然日、小时), with an optional note. */
import { Flex, Form, Input, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import { UNIT_OPTIONS } from './labels.ts';

export interface TimeLimitFieldProps {
  /** Path of the time limit on the form (relative inside a Form.List). */
  readonly name: readonly (string | number)[];
  readonly label: string;
  readonly withNote?: boolean;
  readonly extra?: ReactNode;
  /** Text for screen readers when the visible label is shared (e.g. 第 2 项材料). */
  readonly context?: string;
}

export function TimeLimitField({ name, label, withNote, extra, context }: TimeLimitFieldProps) {
  const spoken = `${context ?? ''}${label}`;
  return (
    <Form.Item label={label} extra={extra} style={{ marginBottom: 16 }}>
      <Flex gap={8} wrap>
        <Form.Item name={[...name, 'value']} noStyle rules={[{ type: 'integer', min: 0, max: 10000, message: `${label}应为 0–10000 的整数` }]}>
          <InputNumber aria-label={spoken} min={0} max={10000} precision={0} placeholder="数值" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name={[...name, 'unit']} noStyle>
          <Select aria-label={`${spoken}单位`} options={UNIT_OPTIONS} style={{ width: 100 }} />
        </Form.Item>
        {withNote ? (
          <Form.Item name={[...name, 'note']} noStyle rules={[{ max: 200 }]}>
            <Input aria-label={`${spoken}说明`} placeholder="说明（可选），如：不含现场核查时间" maxLength={200} style={{ flex: '1 1 200px', minWidth: 160 }} />
          </Form.Item>
        ) : null}
      </Flex>
    </Form.Item>
  );
}

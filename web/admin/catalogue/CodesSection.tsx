/**
 * The item's department, its place in the tree (主项 → 子项 → 办理项, DB36/T 2016
 * §7.3.2.2e) and its codes (§7.3.3.2: 基本编码、实施编码、业务办理项编码).
 */
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import type { DepartmentView } from '../../shared/types.ts';
import { ItemSearchSelect } from './ItemSearchSelect.tsx';
import type { ItemValues } from './item-form.ts';
import { LEVEL_OPTIONS } from './labels.ts';

export interface CodesSectionProps {
  readonly departments: readonly DepartmentView[];
  readonly departmentsLoading: boolean;
  /** The item being edited, never its own parent. */
  readonly selfId?: string;
}

const CODE = /^[0-9A-Z]*$/;

export function CodesSection({ departments, departmentsLoading, selfId }: CodesSectionProps) {
  const form = Form.useFormInstance<ItemValues>();
  const level = Form.useWatch('level', form);

  // The implementing body is usually the department: fill it in while it is blank.
  const pickDepartment = (id: string) => {
    const d = departments.find((x) => x.id === id);
    const body = form.getFieldValue(['guide', 'implementingBody']) as ItemValues['guide']['implementingBody'];
    if (d && !body?.name && !body?.uscc) form.setFieldValue(['guide', 'implementingBody'], { ...body, name: d.name, uscc: d.uscc ?? null });
  };

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label="进驻部门" name="departmentId" rules={[{ required: true, message: '请选择进驻部门' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={departmentsLoading}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            onChange={pickDepartment}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="事项层级（§7.3.2.2e）" name="level" rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={LEVEL_OPTIONS} aria-label="事项层级" />
        </Form.Item>
      </Col>
      {level && level !== 'main' ? (
        <Col xs={24} md={12}>
          <Form.Item
            label="上级事项"
            name="parentId"
            rules={[{ required: true, message: level === 'sub' ? '子项须选择所属主项' : '办理项须选择所属主项或子项' }]}
            extra={level === 'sub' ? '子项挂在主项之下' : '办理项挂在主项或子项之下'}
          >
            <ItemSearchSelect levels={level === 'sub' ? ['main'] : ['main', 'sub']} exclude={selfId ? [selfId] : []} />
          </Form.Item>
        </Col>
      ) : null}
      <Col xs={24} md={12}>
        <Form.Item
          label="基本编码"
          name="basicCode"
          rules={[
            { required: true, message: '请输入基本编码' },
            { pattern: CODE, message: '基本编码只能由数字和大写字母组成' },
          ]}
          extra="10 位或 12 位数字、大写字母"
        >
          <Input maxLength={20} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Col>
      {level === 'handling' ? (
        <Col xs={24} md={12}>
          <Form.Item
            label="业务办理项编码"
            name="handlingCode"
            rules={[{ required: true, message: '办理项须填写业务办理项编码' }, { pattern: CODE, message: '编码只能由数字和大写字母组成' }]}
            extra="33 位：上级事项实施编码（31 位）+ 2 位顺序号"
          >
            <Input maxLength={40} autoComplete="off" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
      ) : (
        <Col xs={24} md={12}>
          <Form.Item
            label="实施编码"
            name="implementationCode"
            rules={[{ required: true, message: '主项、子项须填写实施编码' }, { pattern: CODE, message: '编码只能由数字和大写字母组成' }]}
            extra="31 位：实施机构统一社会信用代码（18 位）+ 行使层级（1 位）+ 基本编码（12 位）"
          >
            <Input maxLength={40} autoComplete="off" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

/**
 * The applicant of a case (申请人, DB36/T 2016 §8.1.2.3): a natural person with an
 * identity document, or a legal person / organisation with its unified social credit
 * code; a phone (its last 4 digits are the public progress check code); optionally a
 * 帮代办 staff member who handles the application (§8.2.2). The numbers are checked as
 * they are typed (a warning); the server's refusal appears at the same field.
 */
import { Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import { ID_TYPES, ID_TYPE_LABELS, type IdType } from '../../../src/domain/cases/applicant.ts';
import type { StaffView } from '../../shared/types.ts';
import { idNumberHint, phoneHint, usccHint, warnRule } from './applicant-check.ts';

export interface ApplicantValues {
  kind: 'person' | 'organisation';
  name?: string;
  idType?: IdType;
  idNumber?: string;
  uscc?: string;
  contactName?: string;
  phone?: string;
  address?: string;
}

export function ApplicantFields({ staff, agencyHelp }: { staff: readonly StaffView[]; agencyHelp: boolean }) {
  const form = Form.useFormInstance();
  const kind = Form.useWatch<ApplicantValues['kind'] | undefined>(['applicant', 'kind'], form) ?? 'person';
  const idType = Form.useWatch<IdType | undefined>(['applicant', 'idType'], form) ?? 'resident_id';
  const withAgent = Form.useWatch<boolean | undefined>('agent', form) ?? false;
  const person = kind === 'person';
  return (
    <>
      <Form.Item label="申请人类型" name={['applicant', 'kind']}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'person', label: '自然人' },
            { value: 'organisation', label: '法人或其他组织' },
          ]}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label={person ? '申请人姓名' : '单位名称'}
            name={['applicant', 'name']}
            rules={[{ required: true, whitespace: true, message: person ? '请填写申请人姓名' : '请填写单位名称' }]}
          >
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="联系电话"
            name={['applicant', 'phone']}
            extra="末 4 位为办理进度查询码"
            rules={[{ required: true, whitespace: true, message: '请填写联系电话' }, warnRule(phoneHint)]}
          >
            <Input maxLength={20} inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      {person ? (
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item label="证件类型" name={['applicant', 'idType']}>
              <Select options={ID_TYPES.map((t) => ({ value: t, label: ID_TYPE_LABELS[t] }))} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              label="证件号码"
              name={['applicant', 'idNumber']}
              dependencies={[['applicant', 'idType']]}
              rules={[{ required: true, whitespace: true, message: '请填写证件号码' }, warnRule((v) => idNumberHint(idType, v))]}
            >
              <Input maxLength={30} autoComplete="off" spellCheck={false} />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              label="统一社会信用代码"
              name={['applicant', 'uscc']}
              rules={[{ required: true, whitespace: true, message: '请填写统一社会信用代码' }, warnRule(usccHint)]}
            >
              <Input maxLength={18} autoComplete="off" spellCheck={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="法定代表人或经办人" name={['applicant', 'contactName']} rules={[{ required: true, whitespace: true, message: '请填写法定代表人或经办人' }]}>
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item label="联系地址（选填）" name={['applicant', 'address']}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="agent" valuePropName="checked" style={{ marginBottom: withAgent ? 8 : undefined }}>
        <Checkbox>帮代办（由工作人员代为办理，§8.2.2）{agencyHelp ? '' : '——该事项未列入帮代办清单'}</Checkbox>
      </Form.Item>
      {withAgent ? (
        <Form.Item label="帮代办人员" name="agentStaffId" rules={[{ required: true, message: '请选择帮代办人员' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="输入姓名或工号"
            options={staff.map((s) => ({ value: s.id, label: `${s.name}（工号 ${s.workNumber}）` }))}
          />
        </Form.Item>
      ) : null}
    </>
  );
}

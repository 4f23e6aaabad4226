/**
 * The guide's core elements (DB36/T 2016 §7.3.3.3): name, kind and type code, legal
 * basis, implementing body, time limits, 办件类型, result, fee.
 */
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import type { ItemKind } from '../../../src/domain/catalogue/codes.ts';
import { FileUpload } from '../files/FileUpload.tsx';
import { useCentreId } from '../lookups.ts';
import { CASE_KIND_OPTIONS, defaultTypeCode, KIND_OPTIONS, NATURE_OPTIONS } from './labels.ts';
import { TimeLimitField } from './TimeLimitField.tsx';

const G = (...path: string[]) => ['guide', ...path];

export function BasicsSection() {
  const form = Form.useFormInstance();
  const centreId = useCentreId();
  const feeMode = Form.useWatch(G('fee', 'mode'), form) as string | null | undefined;

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label="事项名称" name={G('name')} rules={[{ required: true, whitespace: true, message: '请输入事项名称' }, { min: 2, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={7}>
        <Form.Item label="事项类型" name={G('kind')} rules={[{ required: true, message: '请选择事项类型' }]}>
          <Select options={KIND_OPTIONS} onChange={(kind: ItemKind) => form.setFieldValue(G('typeCode'), defaultTypeCode(kind))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item
          label="事项类型代码"
          name={G('typeCode')}
          rules={[{ required: true, message: '请输入事项类型代码' }, { pattern: /^\d{2}$/, message: '2 位数字' }]}
          extra="地方扩展：备案 11–19"
        >
          <Input maxLength={2} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="设定依据" name={G('legalBasis')} rules={[{ max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} placeholder="法律、法规、规章名称及条款" />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item label="实施机构" name={G('implementingBody', 'name')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="实施机构统一社会信用代码" name={G('implementingBody', 'uscc')} rules={[{ pattern: /^[0-9A-Z]{18}$/, message: '应为 18 位数字、大写字母' }]}>
          <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item label="实施主体性质" name={G('implementingBody', 'nature')}>
          <Select allowClear options={NATURE_OPTIONS} placeholder="未填写" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <TimeLimitField name={G('legalTimeLimit')} label="法定办结时限" withNote />
      </Col>
      <Col xs={24} md={12}>
        <TimeLimitField name={G('promisedTimeLimit')} label="承诺办结时限" withNote extra="不得长于法定办结时限；即办件为 0" />
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="办件类型" name={G('caseKind')}>
          <Radio.Group optionType="button" options={CASE_KIND_OPTIONS} aria-label="办件类型" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="结果名称" name={G('resultName')} rules={[{ max: 200 }]}>
          <Input maxLength={200} placeholder="如：食品经营许可证" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="结果样本" name={G('resultSampleFileId')}>
          <FileUpload centreId={centreId ?? ''} buttonText="上传结果样本" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="收费" name={G('fee', 'mode')}>
          <Radio.Group
            aria-label="收费"
            options={[
              { value: 'free', label: '不收费' },
              { value: 'charged', label: '收费' },
            ]}
          />
        </Form.Item>
      </Col>
      {feeMode === 'charged' ? (
        <>
          <Col xs={24} md={8}>
            <Form.Item label="收费标准" name={G('fee', 'standard')} rules={[{ max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="收费依据" name={G('fee', 'basis')} rules={[{ max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
            </Form.Item>
          </Col>
        </>
      ) : null}
    </Row>
  );
}

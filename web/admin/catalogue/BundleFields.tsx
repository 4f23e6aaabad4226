/**
 * The form of a “高效办成一件事” bundle (DB36/T 2016 §8.2.4): its items in order, its
 * flow as ordered steps naming those items, and the counter that accepts it.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useCallback, useState } from 'react';
import { COUNTER_KINDS, COUNTER_KIND_LABELS } from '../../../src/domain/organisation/types.ts';
import type { BundleView } from '../../shared/types.ts';
import { itemOptionLabel } from './ItemSearchSelect.tsx';
import { ItemOrderInput } from './ItemOrderInput.tsx';
import { ListControls } from './ListControls.tsx';

export interface BundleValues {
  name: string;
  itemIds: string[];
  steps: { name?: string; itemIds?: string[] }[];
  acceptingCounterKind: string;
  guideText?: string | null;
}

export function BundleFields({ row }: { row: BundleView | undefined }) {
  const form = Form.useFormInstance<BundleValues>();
  const chosen = (Form.useWatch('itemIds', form) as string[] | undefined) ?? [];
  const [labels, setLabels] = useState<ReadonlyMap<string, string>>(() => new Map((row?.items ?? []).map((i) => [i.id, itemOptionLabel(i)])));
  const addLabel = useCallback((id: string, label: string) => setLabels((m) => new Map(m).set(id, label)), []);
  const itemOptions = chosen.map((id) => ({ value: id, label: labels.get(id) ?? id }));

  return (
    <>
      <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入名称' }, { min: 2, max: 100 }]}>
        <Input maxLength={100} placeholder="如：新生儿出生一件事" />
      </Form.Item>
      <Form.Item label="所含事项（按办理顺序）" name="itemIds" rules={[{ type: 'array', min: 2, message: '“一件事”至少包含两个事项（§8.2.4）' }]}>
        <ItemOrderInput labels={labels} onLabel={addLabel} />
      </Form.Item>
      <Form.List name="steps">
        {(fields, { add, remove, move }, { errors }) => (
          <Form.Item label="办理流程（§8.2.4 流程图）" required>
            <Flex vertical gap={8}>
              {fields.map((field, index) => {
                const noun = `第 ${index + 1} 环节`;
                return (
                  <Card key={field.key} size="small" role="group" aria-label={noun} title={noun} extra={<ListControls index={index} count={fields.length} noun={noun} move={move} remove={remove} />}>
                    <Row gutter={12}>
                      <Col xs={24} md={10}>
                        <Form.Item label="环节名称" name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请输入环节名称' }, { max: 100 }]} style={{ marginBottom: 0 }}>
                          <Input maxLength={100} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={14}>
                        <Form.Item label="本环节办理的事项" name={[field.name, 'itemIds']} rules={[{ type: 'array', min: 1, message: '请选择本环节办理的事项' }]} style={{ marginBottom: 0 }}>
                          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={itemOptions} placeholder="从所含事项中选择" />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add({ itemIds: [] })} style={{ alignSelf: 'flex-start' }}>
                添加环节
              </Button>
            </Flex>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item label="受理窗口" name="acceptingCounterKind" rules={[{ required: true }]} extra="“一件事”纳入综合窗口统一受理（§8.2.4）">
        <Select options={COUNTER_KINDS.map((k) => ({ value: k, label: COUNTER_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item label="办事指南说明" name="guideText" rules={[{ max: 20000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} />
      </Form.Item>
    </>
  );
}

/** The API body: steps numbered 1, 2, … in the order shown. */
export function bundleBody(v: BundleValues) {
  return {
    name: v.name.trim(),
    itemIds: v.itemIds,
    steps: (v.steps ?? []).map((s, i) => ({ order: i + 1, name: s.name?.trim() ?? '', itemIds: s.itemIds ?? [] })),
    acceptingCounterKind: v.acceptingCounterKind,
    guideText: v.guideText?.trim() || null,
  };
}

/** 申请材料 as an editable, ordered list (DB36/T 2016 §7.3.3.3); none at all is stated explicitly. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Form, Typography } from 'antd';
import type { MaterialValues } from './item-form.ts';
import { ListControls } from './ListControls.tsx';
import { MaterialFields } from './MaterialFields.tsx';

const EMPTY: MaterialValues = {
  originals: 1,
  copies: 0,
  required: true,
  viaDataSharing: false,
  eLicenceAccepted: false,
  tolerance: { enabled: false, completionDeadline: { unit: 'working_day' } },
};

export function MaterialsSection() {
  const form = Form.useFormInstance();
  const materials = Form.useWatch(['guide', 'materials'], form) as MaterialValues[] | undefined;
  return (
    <Form.List name={['guide', 'materials']}>
      {(fields, { add, remove, move }, { errors }) => (
        <Flex vertical gap={12}>
          {fields.map((field, index) => {
            const noun = `第 ${index + 1} 项材料`;
            const title = materials?.[index]?.name?.trim();
            return (
              <Card
                key={field.key}
                size="small"
                role="group"
                aria-label={noun}
                title={
                  <Typography.Text>
                    {noun}
                    {title ? `：${title}` : ''}
                  </Typography.Text>
                }
                extra={<ListControls index={index} count={fields.length} noun={noun} move={move} remove={remove} />}
              >
                <MaterialFields name={field.name} context={noun} />
              </Card>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Flex gap={16} align="center" wrap>
            <Button icon={<PlusOutlined />} onClick={() => add({ ...EMPTY })}>
              添加材料
            </Button>
            {fields.length === 0 ? (
              <Form.Item name={['guide', 'noMaterials']} valuePropName="checked" noStyle>
                <Checkbox>本事项无需申请材料</Checkbox>
              </Form.Item>
            ) : null}
          </Flex>
        </Flex>
      )}
    </Form.List>
  );
}

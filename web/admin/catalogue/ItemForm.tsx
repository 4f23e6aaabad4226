/**
 * The item form: codes and place, then the service guide of DB36/T 2016 §7.3.3.3 in
 * sections. The caller owns the form instance, saving and the action bar.
 */
import { Card, Flex, Form, Typography, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import type { DepartmentView } from '../../shared/types.ts';
import { BasicsSection } from './BasicsSection.tsx';
import { CodesSection } from './CodesSection.tsx';
import type { ItemValues } from './item-form.ts';
import { MaterialsSection } from './MaterialsSection.tsx';
import { ProcessSection } from './ProcessSection.tsx';
import { ServiceSection } from './ServiceSection.tsx';

export interface ItemFormProps {
  readonly form: FormInstance<ItemValues>;
  readonly initialValues: ItemValues;
  readonly departments: readonly DepartmentView[];
  readonly departmentsLoading: boolean;
  readonly selfId?: string;
  readonly onFinish: (values: ItemValues) => void;
  /** Shown above the sections (errors) and below them (the action bar). */
  readonly header?: ReactNode;
  readonly footer: ReactNode;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={<Typography.Title level={3} style={{ margin: 0, fontSize: 15 }}>{title}</Typography.Title>}>
      {children}
    </Card>
  );
}

export function ItemForm({ form, initialValues, departments, departmentsLoading, selfId, onFinish, header, footer }: ItemFormProps) {
  return (
    <Form<ItemValues> form={form} name="item" layout="vertical" initialValues={initialValues} scrollToFirstError onFinish={onFinish}>
      {header}
      <Flex vertical gap={16}>
        <Section title="编码与层级">
          <CodesSection departments={departments} departmentsLoading={departmentsLoading} {...(selfId ? { selfId } : {})} />
        </Section>
        <Section title="基本信息">
          <BasicsSection />
        </Section>
        <Section title="申请材料">
          <MaterialsSection />
        </Section>
        <Section title="办理流程">
          <ProcessSection />
        </Section>
        <Section title="办理信息与服务标注">
          <ServiceSection />
        </Section>
        {footer}
      </Flex>
    </Form>
  );
}

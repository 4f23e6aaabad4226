/** “N 个工作日后是哪天” and “两日之间有几个工作日”, on the centre's calendar (holidays, make-up days, closed days). */
import { Alert, Button, Card, DatePicker, Flex, Form, InputNumber, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { applyApiError, FormError, type FormFailure } from '../../shared/form-errors.tsx';

interface AddValues {
  from: Dayjs;
  days: number;
}

interface BetweenValues {
  from: Dayjs;
  to: Dayjs;
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

function AddForm({ centreId }: { centreId: string | null }) {
  const [form] = Form.useForm<AddValues>();
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const run = async (v: AddValues) => {
    setFailure(null);
    setResult(null);
    try {
      const r = await api.get<{ date: string }>('/api/v1/calendar/add-working-days', { from: iso(v.from), days: v.days, centreId });
      const weekday = '日一二三四五六'.charAt(dayjs(r.date).day());
      setResult(`${iso(v.from)} 之后第 ${v.days} 个工作日是 ${r.date}（星期${weekday}）`);
    } catch (error) {
      setFailure(applyApiError(form, error));
    }
  };
  return (
    <Form<AddValues> form={form} name="add-working-days" layout="inline" initialValues={{ from: dayjs(), days: 20 }} onFinish={(v) => void run(v)} style={{ rowGap: 8 }}>
      <FormError failure={failure} />
      <Form.Item label="起始日" name="from" rules={[{ required: true, message: '请选择起始日' }]}>
        <DatePicker needConfirm={false} allowClear={false} />
      </Form.Item>
      <Form.Item label="加工作日数" name="days" rules={[{ required: true, message: '请输入天数' }]}>
        <InputNumber min={0} max={3660} precision={0} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        计算
      </Button>
      {result ? (
        <Typography.Text strong role="status" data-testid="add-working-days-result" style={{ alignSelf: 'center' }}>
          {result}
        </Typography.Text>
      ) : null}
    </Form>
  );
}

function BetweenForm({ centreId }: { centreId: string | null }) {
  const [form] = Form.useForm<BetweenValues>();
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const run = async (v: BetweenValues) => {
    setFailure(null);
    setResult(null);
    try {
      const r = await api.get<{ count: number }>('/api/v1/calendar/working-days-between', { from: iso(v.from), to: iso(v.to), centreId });
      setResult(`${iso(v.from)} 至 ${iso(v.to)}：${r.count} 个工作日（不含起始日，含结束日）`);
    } catch (error) {
      setFailure(applyApiError(form, error));
    }
  };
  return (
    <Form<BetweenValues> form={form} name="working-days-between" layout="inline" initialValues={{ from: dayjs(), to: dayjs().add(1, 'month') }} onFinish={(v) => void run(v)} style={{ rowGap: 8 }}>
      <FormError failure={failure} />
      <Form.Item label="从" name="from" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker needConfirm={false} allowClear={false} />
      </Form.Item>
      <Form.Item label="到" name="to" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker needConfirm={false} allowClear={false} />
      </Form.Item>
      <Button htmlType="submit">计算</Button>
      {result ? (
        <Typography.Text strong role="status" style={{ alignSelf: 'center' }}>
          {result}
        </Typography.Text>
      ) : null}
    </Form>
  );
}

export function WorkingDaysCalculator({ centreId }: { centreId: string | null }) {
  return (
    <Card type="inner" title="工作日计算">
      <Flex vertical gap={16}>
        <Alert type="info" role="status" showIcon title="按国家法定节假日、调休上班日及本中心闭厅日计算；起始日不计入。" />
        <AddForm centreId={centreId} />
        <BetweenForm centreId={centreId} />
      </Flex>
    </Card>
  );
}

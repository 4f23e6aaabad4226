/** Sets a counter's service status; a clerk who steps away leaves whereabouts and a return time (§5.1.5.1). */
import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { COUNTER_STATUSES, COUNTER_STATUS_LABELS, type CounterStatus } from '../../../src/domain/organisation/types.ts';
import { api } from '../../shared/api.ts';
import { ModalForm } from '../../shared/ModalForm.tsx';
import type { CounterStatusBody, CounterView } from '../../shared/types.ts';

interface Values {
  status: CounterStatus;
  awayReason?: string;
  expectedReturnAt?: Dayjs | null;
}

function body(v: Values): CounterStatusBody {
  if (v.status !== 'away') return { status: v.status };
  return { status: 'away', awayReason: v.awayReason?.trim() ?? null, expectedReturnAt: v.expectedReturnAt?.toISOString() ?? null };
}

export function CounterStatusButton({ counter, onChanged }: { counter: CounterView; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        状态
      </Button>
      <ModalForm<Values>
        title={`窗口 ${counter.number} 服务状态`}
        open={open}
        onClose={() => setOpen(false)}
        initialValues={{
          status: counter.status,
          awayReason: counter.awayReason ?? '',
          expectedReturnAt: counter.expectedReturnAt ? dayjs(counter.expectedReturnAt) : null,
        }}
        onSubmit={async (v) => {
          await api.put<CounterView>(`/api/v1/counters/${counter.id}/status`, body(v));
          onChanged();
        }}
      >
        <Form.Item label="服务状态" name="status" rules={[{ required: true, message: '请选择服务状态' }]}>
          <Select options={COUNTER_STATUSES.map((s) => ({ value: s, label: COUNTER_STATUS_LABELS[s] }))} />
        </Form.Item>
        <Form.Item noStyle dependencies={['status']}>
          {({ getFieldValue }) =>
            getFieldValue('status') === 'away' ? (
              <>
                <Form.Item label="去向（§5.1.5.1）" name="awayReason" rules={[{ required: true, whitespace: true, message: '暂时离开须填写去向' }, { max: 100 }]}>
                  <Input maxLength={100} placeholder="如：到后台协助审核" />
                </Form.Item>
                <Form.Item label="预计返回时间" name="expectedReturnAt" rules={[{ required: true, message: '请选择预计返回时间' }]}>
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    needConfirm={false}
                    disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </>
            ) : null
          }
        </Form.Item>
      </ModalForm>
    </>
  );
}

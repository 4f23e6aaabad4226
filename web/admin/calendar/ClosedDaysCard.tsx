/** The centre's own closed days (relocation, local emergencies): they do not count as working days. */
import { Alert, Button, Card, DatePicker, Form, Input, Popconfirm, Table, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, messageOf } from '../../shared/api.ts';
import { ModalForm } from '../../shared/ModalForm.tsx';
import type { ClosedDayCreate, ClosedDayView, ItemList } from '../../shared/types.ts';
import { useLoad } from '../../shared/use-load.ts';
import { centrePath } from '../lookups.ts';

interface Values {
  date: Dayjs;
  reason: string;
}

export function ClosedDaysCard({ centreId, canManage }: { centreId: string | null; canManage: boolean }) {
  const list = useLoad(() => api.get<ItemList<ClosedDayView>>(centrePath(centreId, 'closed-days')), centreId);
  const [adding, setAdding] = useState(false);
  const [toast, holder] = message.useMessage();

  const cancel = async (row: ClosedDayView) => {
    try {
      await api.del(`/api/v1/closed-days/${row.id}`);
      void toast.success('已取消闭厅日');
      list.reload();
    } catch (error) {
      void toast.error(messageOf(error));
    }
  };

  return (
    <Card
      type="inner"
      title="本中心闭厅日"
      extra={
        canManage ? (
          <Button type="primary" onClick={() => setAdding(true)}>
            新增闭厅日
          </Button>
        ) : null
      }
    >
      {holder}
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      <Table<ClosedDayView>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '没有闭厅日' }}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '原因', dataIndex: 'reason' },
          ...(canManage
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, row: ClosedDayView) => (
                    <Popconfirm title="取消该闭厅日？" okText="取消闭厅" cancelText="返回" onConfirm={() => cancel(row)}>
                      <Button size="small" danger>
                        取消
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ModalForm<Values>
        title="新增闭厅日"
        open={adding}
        onClose={() => setAdding(false)}
        onSubmit={async (v) => {
          const body: ClosedDayCreate = { date: v.date.format('YYYY-MM-DD'), reason: v.reason.trim() };
          await api.post(centrePath(centreId, 'closed-days'), body);
          list.reload();
        }}
      >
        <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker needConfirm={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="闭厅原因" name="reason" rules={[{ required: true, whitespace: true, message: '请输入闭厅原因' }, { max: 200 }]}>
          <Input maxLength={200} placeholder="如：中心搬迁" />
        </Form.Item>
      </ModalForm>
    </Card>
  );
}

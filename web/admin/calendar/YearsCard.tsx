/** The holiday arrangements known to the platform, and loading a new year (State Council notice, holiday-cn JSON). */
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from '../../../src/domain/calendar/holiday-data.ts';
import { api, ApiError } from '../../shared/api.ts';
import { ModalForm } from '../../shared/ModalForm.tsx';
import type { HolidayYearView, ItemList, YearSummary } from '../../shared/types.ts';
import { useLoad } from '../../shared/use-load.ts';
import { formatTime } from '../../shared/values.ts';

interface LoadValues {
  year: number;
  json: string;
}

function parseYear(values: LoadValues): unknown {
  try {
    return JSON.parse(values.json) as unknown;
  } catch {
    throw new ApiError(400, 'MALFORMED_JSON', '内容不是合法的 JSON', [{ path: '/json', code: 'MALFORMED_JSON', message: '内容不是合法的 JSON，请检查后重试' }]);
  }
}

function JsonFileButton() {
  const form = Form.useFormInstance<LoadValues>();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size="small" style={{ marginBottom: 8 }} onClick={() => input.current?.click()}>
        从文件读取…
      </Button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="选择节假日数据文件"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          void file.text().then((text) => {
            form.setFieldValue('json', text);
            const year = /"year"\s*:\s*(\d{4})/.exec(text)?.[1];
            if (year) form.setFieldValue('year', Number(year));
          });
        }}
      />
    </>
  );
}

function YearDays({ year, onClose }: { year: number | null; onClose: () => void }) {
  const days = useLoad(() => api.get<HolidayYearView>(`/api/v1/calendar/years/${String(year)}`), year === null ? null : String(year));
  return (
    <Modal title={`${String(year)} 年节假日安排`} open={year !== null} onCancel={onClose} footer={null} width={640}>
      {days.error ? <Alert type="error" showIcon title={days.error} /> : null}
      <Table
        rowKey="date"
        size="small"
        loading={days.loading}
        dataSource={days.data?.days ?? []}
        pagination={false}
        scroll={{ y: 420 }}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '名称', dataIndex: 'name' },
          { title: '安排', dataIndex: 'isOffDay', render: (off: boolean) => (off ? <Tag color="red">放假</Tag> : <Tag color="blue">调休上班</Tag>) },
        ]}
      />
    </Modal>
  );
}

export function YearsCard({ canManage }: { canManage: boolean }) {
  const years = useLoad(() => api.get<ItemList<YearSummary>>('/api/v1/calendar/years'), 'years');
  const [loading, setLoading] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);

  return (
    <Card
      type="inner"
      title="节假日安排（按国务院办公厅通知）"
      extra={
        canManage ? (
          <Button type="primary" onClick={() => setLoading(true)}>
            导入年度
          </Button>
        ) : null
      }
    >
      {years.error ? <Alert type="error" showIcon title={years.error} style={{ marginBottom: 12 }} /> : null}
      <Table<YearSummary>
        rowKey="year"
        size="small"
        loading={years.loading}
        dataSource={years.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '年度', dataIndex: 'year' },
          {
            title: '来源',
            dataIndex: 'source',
            render: (s: YearSummary['source'], row) => (s === 'shipped' ? <Tag>随平台发布</Tag> : <Tag color="blue">{row.replacesShipped ? '管理员导入（替换发布数据）' : '管理员导入'}</Tag>),
          },
          { title: '放假日', dataIndex: 'offDays' },
          { title: '调休上班日', dataIndex: 'makeupWorkdays' },
          { title: '全年工作日', dataIndex: 'workingDays' },
          { title: '导入时间', dataIndex: 'loadedAt', render: formatTime },
          {
            title: '操作',
            key: 'view',
            render: (_: unknown, row) => (
              <Button size="small" onClick={() => setViewing(row.year)}>
                查看
              </Button>
            ),
          },
        ]}
      />
      <YearDays year={viewing} onClose={() => setViewing(null)} />
      <ModalForm<LoadValues>
        title="导入年度节假日安排"
        okText="导入"
        open={loading}
        width={640}
        initialValues={{ year: new Date().getFullYear() + 1, json: '' }}
        onClose={() => setLoading(false)}
        onSubmit={async (v) => {
          await api.put(`/api/v1/calendar/years/${v.year}`, parseYear(v));
          years.reload();
        }}
      >
        <Typography.Paragraph type="secondary">
          格式同 holiday-cn：{'{"year": 2026, "papers": ["通知网址"], "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}]}'}。已有的年度将被替换。
        </Typography.Paragraph>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请输入年度' }]}>
          <InputNumber min={MIN_CALENDAR_YEAR} max={MAX_CALENDAR_YEAR} precision={0} />
        </Form.Item>
        <JsonFileButton />
        <Form.Item label="节假日数据（JSON）" name="json" rules={[{ required: true, whitespace: true, message: '请粘贴或读取节假日数据' }]}>
          <Input.TextArea rows={10} spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </ModalForm>
    </Card>
  );
}

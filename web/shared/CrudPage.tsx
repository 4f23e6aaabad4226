/**
 * A list screen: a table with create, edit and retire (停用) through modal forms.
 * Retiring is soft: the record stays readable under “显示已停用”.
 */
import { Alert, Button, Card, Flex, Input, Popconfirm, Space, Switch, Table, Tag, Typography, message } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { messageOf } from './api.ts';
import { ModalForm } from './ModalForm.tsx';
import { useLoad } from './use-load.ts';

export interface Retirable {
  readonly id: string;
  readonly retiredAt?: string | null;
}

export interface CrudPageProps<T extends Retirable, V, L extends { items: T[] } = { items: T[] }> {
  /** Page heading, e.g. 进驻部门. */
  readonly title: string;
  /** What one row is, e.g. 部门: used in 新建部门 / 编辑部门. */
  readonly noun: string;
  readonly intro?: ReactNode;
  /** Reload when this changes (the selected centre); null loads nothing. */
  readonly loadKey: string | null;
  readonly load: (includeRetired: boolean) => Promise<L>;
  /** Shown above the table from the list's answer (e.g. totals). */
  readonly summary?: (data: L) => ReactNode;
  readonly columns: TableColumnsType<T>;
  readonly canWrite: boolean;
  readonly create?: (values: V) => Promise<unknown>;
  readonly update?: (row: T, values: V) => Promise<unknown>;
  readonly retire?: (row: T) => Promise<unknown>;
  readonly defaults?: Partial<V>;
  readonly toValues?: (row: T) => Partial<V>;
  /** The fields of the form; `row` is set when editing. */
  readonly fields: (row: T | undefined) => ReactNode;
  /** Extra actions of a row (e.g. set a counter's status). */
  readonly rowActions?: (row: T, reload: () => void) => ReactNode;
  readonly formWidth?: number;
  /** Whether a row is retired; default: `retiredAt` is set. */
  readonly isRetired?: (row: T) => boolean;
  readonly retireHint?: string;
}

/** Rows any of whose texts contain the query (client-side: a centre's lists are short). */
function filterRows<T extends object>(rows: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...rows];
  return rows.filter((row) =>
    Object.values(row).some((v) => (typeof v === 'string' || typeof v === 'number' ? String(v).toLowerCase().includes(q) : Array.isArray(v) && v.some((x) => String(x).toLowerCase().includes(q)))),
  );
}

type Editing<T> = { mode: 'create' } | { mode: 'edit'; row: T } | null;

export function CrudPage<T extends Retirable, V extends object, L extends { items: T[] } = { items: T[] }>(props: CrudPageProps<T, V, L>) {
  const { title, noun, intro, loadKey, load, columns, canWrite, create, update, retire } = props;
  const [includeRetired, setIncludeRetired] = useState(false);
  const [editing, setEditing] = useState<Editing<T>>(null);
  const [toast, toastHolder] = message.useMessage();
  const retiredOf = props.isRetired ?? ((row: T) => Boolean(row.retiredAt));
  const [search, setSearch] = useState('');
  const list = useLoad(() => load(includeRetired), loadKey === null ? null : `${loadKey}:${String(includeRetired)}`);
  const rows = useMemo(() => filterRows(list.data?.items ?? [], search), [list.data, search]);

  const doRetire = async (row: T) => {
    try {
      await retire?.(row);
      void toast.success(`已停用${noun}`);
      list.reload();
    } catch (error) {
      void toast.error(messageOf(error));
    }
  };

  const actions: TableColumnsType<T>[number] = {
    title: '操作',
    key: 'actions',
    fixed: 'right',
    render: (_: unknown, row: T) => {
      const retired = retiredOf(row);
      return (
        <Space size="small" wrap>
          {props.rowActions?.(row, list.reload)}
          {canWrite && update && !retired ? (
            <Button size="small" onClick={() => setEditing({ mode: 'edit', row })}>
              编辑
            </Button>
          ) : null}
          {canWrite && retire && !retired ? (
            <Popconfirm
              title={`停用该${noun}？`}
              description={props.retireHint ?? '停用后不再使用，记录仍保留可查。'}
              okText="停用"
              cancelText="取消"
              onConfirm={() => doRetire(row)}
            >
              <Button size="small" danger>
                停用
              </Button>
            </Popconfirm>
          ) : null}
          {retired ? <Tag>已停用</Tag> : null}
        </Space>
      );
    },
  };

  const submit = async (values: V) => {
    if (editing?.mode === 'edit') {
      await update?.(editing.row, values);
      void toast.success(`已保存${noun}`);
    } else {
      await create?.(values);
      void toast.success(`已新建${noun}`);
    }
    list.reload();
  };

  const editingRow = editing?.mode === 'edit' ? editing.row : undefined;
  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{title}</Typography.Title>}
      extra={
        canWrite && create ? (
          <Button type="primary" onClick={() => setEditing({ mode: 'create' })}>
            新建{noun}
          </Button>
        ) : null
      }
    >
      {toastHolder}
      {intro ? <div style={{ marginBottom: 12 }}>{intro}</div> : null}
      <Flex gap={16} align="center" wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={`搜索${noun}`}
          placeholder="输入关键字筛选"
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 220 }}
        />
        <label>
          <Switch size="small" checked={includeRetired} onChange={setIncludeRetired} /> 显示已停用
        </label>
        <Button size="small" onClick={list.reload}>
          刷新
        </Button>
      </Flex>
      {list.data && props.summary ? props.summary(list.data) : null}
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      <Table<T>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={rows}
        columns={[...columns, actions]}
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true, showTotal: (n) => `共 ${n} 条` }}
        rowClassName={(row) => (retiredOf(row) ? 'row-retired' : '')}
      />
      <ModalForm<V>
        title={editing?.mode === 'edit' ? `编辑${noun}` : `新建${noun}`}
        open={editing !== null}
        initialValues={editingRow ? props.toValues?.(editingRow) : props.defaults}
        onClose={() => setEditing(null)}
        onSubmit={submit}
        {...(props.formWidth !== undefined ? { width: props.formWidth } : {})}
      >
        {editing ? props.fields(editingRow) : null}
      </ModalForm>
    </Card>
  );
}

/** 设备令牌: tokens of the kiosks, displays and rating devices; a new token is shown once, a revoked one stops at once. */
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { DEVICE_ROLES, ROLE_LABELS } from '../../../src/domain/accounts/roles.ts';
import { api, messageOf } from '../../shared/api.ts';
import { ModalForm } from '../../shared/ModalForm.tsx';
import type { DeviceTokenCreate, DeviceTokenCreated, DeviceTokenView, ItemList } from '../../shared/types.ts';
import { useLoad } from '../../shared/use-load.ts';
import { formatTime } from '../../shared/values.ts';
import { centrePath, useCan, useCentreId } from '../lookups.ts';

function TokenOnce({ created, onClose }: { created: DeviceTokenCreated | null; onClose: () => void }) {
  return (
    <Modal
      title="设备令牌已生成"
      open={created !== null}
      onCancel={onClose}
      // The token leaves the page with the dialog.
      destroyOnHidden
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已保存
        </Button>
      }
    >
      {created ? (
        <>
          <Alert type="warning" showIcon title="令牌只显示这一次，关闭后无法再次查看。请立即复制并配置到设备。" style={{ marginBottom: 16 }} />
          <Typography.Paragraph>
            {created.name}（{ROLE_LABELS[created.role]}）
          </Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: created.token, tooltips: ['复制', '已复制'] }} code data-testid="device-token">
            {created.token}
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}

export function DeviceTokensPage() {
  const centreId = useCentreId();
  const canManage = useCan('device.manage');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<DeviceTokenCreated | null>(null);
  const [toast, holder] = message.useMessage();
  const list = useLoad(() => api.get<ItemList<DeviceTokenView>>(centrePath(centreId, 'device-tokens')), canManage ? centreId : null);

  const revoke = async (row: DeviceTokenView) => {
    try {
      await api.del(`/api/v1/device-tokens/${row.id}`);
      void toast.success('已吊销，该设备需重新配置令牌');
      list.reload();
    } catch (error) {
      void toast.error(messageOf(error));
    }
  };

  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>设备令牌</Typography.Title>}
      extra={
        canManage ? (
          <Button type="primary" onClick={() => setCreating(true)}>
            新建令牌
          </Button>
        ) : null
      }
    >
      {holder}
      <Typography.Paragraph type="secondary">取号机、叫号显示屏和评价器凭令牌接入本中心。令牌丢失或设备撤换时请吊销。</Typography.Paragraph>
      {!canManage ? <Alert type="info" role="status" showIcon title="您无权管理本中心的设备令牌" /> : null}
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      {canManage ? (
        <Table<DeviceTokenView>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          rowClassName={(row) => (row.revokedAt ? 'row-retired' : '')}
          columns={[
            { title: '设备名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'role', render: (r: DeviceTokenView['role']) => ROLE_LABELS[r] },
            { title: '令牌开头', dataIndex: 'tokenPrefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
            { title: '创建时间', dataIndex: 'createdAt', render: formatTime },
            { title: '最近使用', dataIndex: 'lastUsedAt', render: (v: string | null) => formatTime(v) || '从未使用' },
            {
              title: '状态',
              key: 'state',
              render: (_: unknown, row) => (row.revokedAt ? <Tag>已吊销 {formatTime(row.revokedAt)}</Tag> : <Tag color="green">有效</Tag>),
            },
            {
              title: '操作',
              key: 'actions',
              fixed: 'right',
              render: (_: unknown, row) =>
                row.revokedAt ? null : (
                  <Popconfirm title="吊销该令牌？" description="吊销立即生效，设备将无法接入。" okText="吊销" cancelText="取消" onConfirm={() => revoke(row)}>
                    <Button size="small" danger>
                      吊销
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      ) : null}
      <ModalForm<DeviceTokenCreate>
        title="新建设备令牌"
        okText="生成令牌"
        open={creating}
        initialValues={{ role: 'kiosk' }}
        onClose={() => setCreating(false)}
        onSubmit={async (v) => {
          setCreated(await api.post<DeviceTokenCreated>(centrePath(centreId, 'device-tokens'), { name: v.name.trim(), role: v.role }));
          list.reload();
        }}
      >
        <Form.Item label="设备名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入设备名称' }, { max: 50 }]}>
          <Input maxLength={50} placeholder="如：一楼大厅取号机 1" />
        </Form.Item>
        <Form.Item label="设备类型" name="role" rules={[{ required: true, message: '请选择设备类型' }]}>
          <Select options={DEVICE_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
      </ModalForm>
      <TokenOnce created={created} onClose={() => setCreated(null)} />
    </Card>
  );
}

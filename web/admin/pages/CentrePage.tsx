/** 中心信息: the selected centre's particulars, edited in place; a system administrator also creates and retires centres. */
import { Alert, Button, Card, Empty, Form, Popconfirm, Space, Tag, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { CENTRE_LEVEL_LABELS } from '../../../src/domain/organisation/types.ts';
import { api, messageOf } from '../../shared/api.ts';
import { applyApiError, FormError, type FormFailure } from '../../shared/form-errors.tsx';
import { ModalForm } from '../../shared/ModalForm.tsx';
import type { CentreView } from '../../shared/types.ts';
import { CentreFields, centreToValues, NEW_CENTRE_VALUES, valuesToCentre, type CentreFormValues } from '../centre/CentreFields.tsx';
import { can } from '../permissions.ts';
import { useCentres, useSession } from '../session.tsx';

function CentreEditor({ centre, onSaved }: { centre: CentreView; onSaved: () => void }) {
  const { me } = useSession();
  const { centres } = useCentres();
  const [form] = Form.useForm<CentreFormValues>();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const [toast, holder] = message.useMessage();
  const editable = can(me, 'centre.update', centre.id) && !centre.retiredAt;

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(centreToValues(centre));
    setFailure(null);
  }, [centre, form]);

  const save = async (values: CentreFormValues) => {
    setSaving(true);
    setFailure(null);
    try {
      await api.patch<CentreView>(`/api/v1/centres/${centre.id}`, valuesToCentre(values));
      void toast.success('已保存中心信息');
      onSaved();
    } catch (error) {
      setFailure(applyApiError(form, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<CentreFormValues> form={form} name="centre" layout="vertical" disabled={!editable} onFinish={(v) => void save(v)} scrollToFirstError>
      {holder}
      <FormError failure={failure} />
      <CentreFields saved={centre} parents={centres} />
      {editable ? (
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      ) : null}
    </Form>
  );
}

export function CentrePage() {
  const { me } = useSession();
  const { centre, centres, reload, select, loading } = useCentres();
  const [creating, setCreating] = useState(false);
  const [toast, holder] = message.useMessage();
  const mayCreate = can(me, 'centre.create', null);

  const create = async (values: CentreFormValues) => {
    const created = await api.post<CentreView>('/api/v1/centres', valuesToCentre(values));
    void toast.success(`已新建 ${created.name}`);
    select(created.id);
    reload();
  };

  const retire = async () => {
    if (!centre) return;
    try {
      await api.del<CentreView>(`/api/v1/centres/${centre.id}`);
      void toast.success('已撤销该中心');
      reload();
    } catch (error) {
      void toast.error(messageOf(error));
    }
  };

  return (
    <Card
      title={
        <Space wrap>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
            中心信息
          </Typography.Title>
          {centre ? <Tag color="blue">{CENTRE_LEVEL_LABELS[centre.level]}</Tag> : null}
          {centre?.retiredAt ? <Tag>已撤销</Tag> : null}
        </Space>
      }
      extra={
        <Space wrap>
          {mayCreate && centre && !centre.retiredAt ? (
            <Popconfirm title="撤销该中心？" description="撤销后记录仍保留，可查阅。" okText="撤销" cancelText="取消" onConfirm={retire}>
              <Button danger>撤销中心</Button>
            </Popconfirm>
          ) : null}
          {mayCreate ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              新建中心
            </Button>
          ) : null}
        </Space>
      }
    >
      {holder}
      {centre ? (
        <>
          {centre.warnings.length > 0 ? (
            <Alert type="warning" showIcon title={centre.warnings.map((w) => w.message).join('；')} style={{ marginBottom: 16 }} />
          ) : null}
          <CentreEditor centre={centre} onSaved={reload} />
        </>
      ) : loading ? null : (
        <Empty description={mayCreate ? '还没有政务服务中心，请先新建' : '您尚未被分配到任何中心，请联系系统管理员'} />
      )}
      <ModalForm<CentreFormValues> title="新建政务服务中心" open={creating} initialValues={NEW_CENTRE_VALUES} onClose={() => setCreating(false)} onSubmit={create} width={880}>
        <CentreFields parents={centres} />
      </ModalForm>
    </Card>
  );
}

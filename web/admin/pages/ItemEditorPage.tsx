/** /admin/items/new: a new item (saved as draft version 1); /admin/items/{id}: one item, its guide and versions (§7.3). */
import { Alert, App, Card, Spin, Typography } from 'antd';
import { api } from '../../shared/api.ts';
import { navigate, usePathname } from '../../shared/router.ts';
import type { ItemView } from '../../shared/types.ts';
import { useCatalogueAccess } from '../catalogue/access.ts';
import { ItemDetail, LIST_PATH } from '../catalogue/ItemDetail.tsx';
import { ItemEditForm } from '../catalogue/ItemEditForm.tsx';
import { createBody, newItemValues } from '../catalogue/item-form.ts';
import { centrePath, useCentreId, useDepartments } from '../lookups.ts';

function NewItem() {
  const { message } = App.useApp();
  const centreId = useCentreId();
  const { canWrite } = useCatalogueAccess();
  const departments = useDepartments();
  if (!canWrite()) return <Alert type="info" showIcon title="您无权在本中心新增事项" />;
  if (!departments.data) return departments.error ? <Alert type="error" showIcon title={departments.error} /> : <Spin />;
  // A chief representative has one department: it is chosen for them.
  const writable = departments.data.items.filter((d) => !d.retiredAt && canWrite(d.id));
  const only = writable.length === 1 ? writable[0] : undefined;
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>新增事项</Typography.Title>}>
      <Typography.Paragraph type="secondary">新增的事项为第 1 版草稿；填写完整办事指南要素（§7.3.3.3）后提交合法性审查，审查通过后发布。</Typography.Paragraph>
      <ItemEditForm
        initialValues={newItemValues(only)}
        canSubmit={false}
        persist={(v) => api.post<ItemView>(centrePath(centreId, 'items'), createBody(v))}
        onSaved={(item) => {
          void message.success('已新建事项（第 1 版草稿）');
          navigate(`${LIST_PATH}/${item.id}`);
        }}
        onCancel={() => navigate(LIST_PATH)}
      />
    </Card>
  );
}

export function ItemEditorPage() {
  const pathname = usePathname();
  const id = pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  return id === 'new' ? <NewItem /> : <ItemDetail key={id} id={id} />;
}

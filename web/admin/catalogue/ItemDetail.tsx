/**
 * One item: its summary, its guide (the draft edited in place; a published version is
 * read-only and 编辑 starts a new draft, §7.3.2.2), the review actions and the versions.
 */
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ItemGuide } from '../../../src/domain/catalogue/guide.ts';
import { api, messageOf } from '../../shared/api.ts';
import { linkClick } from '../../shared/router.ts';
import type { ItemView } from '../../shared/types.ts';
import { useLoad } from '../../shared/use-load.ts';
import { useDepartments } from '../lookups.ts';
import { useCatalogueAccess } from './access.ts';
import { GuideView } from './GuideView.tsx';
import { ItemEditForm } from './ItemEditForm.tsx';
import { itemValues, updateBody } from './item-form.ts';
import { ITEM_LEVEL_LABELS, typeLabel } from './labels.ts';
import { ReviewActions } from './ReviewActions.tsx';
import { StatusTag, VersionsPanel } from './VersionsPanel.tsx';

export const LIST_PATH = '/admin/items';

function Summary({ item, departmentName }: { item: ItemView; departmentName: string }) {
  const latest = item.latest;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      items={[
        { key: 'code', label: item.level === 'handling' ? '业务办理项编码' : '实施编码', children: <Typography.Text code>{item.handlingCode ?? item.implementationCode ?? '—'}</Typography.Text> },
        { key: 'basic', label: '基本编码', children: <Typography.Text code>{item.basicCode}</Typography.Text> },
        { key: 'level', label: '层级', children: ITEM_LEVEL_LABELS[item.level as keyof typeof ITEM_LEVEL_LABELS] ?? item.level },
        { key: 'dept', label: '进驻部门', children: departmentName },
        { key: 'type', label: '事项类型', children: typeLabel(item.typeCode) },
        { key: 'published', label: '当前发布版本', children: item.publishedNumber ? `第 ${item.publishedNumber} 版` : '未发布' },
        {
          key: 'latest',
          label: '最新版本',
          children: (
            <span>
              第 {latest.number} 版 <StatusTag status={latest.status} />
              {latest.effectiveOn ? `生效日期 ${latest.effectiveOn}` : ''}
            </span>
          ),
        },
      ]}
    />
  );
}

export function ItemDetail({ id }: { id: string }) {
  const { message } = App.useApp();
  const loaded = useLoad(() => api.get<ItemView>(`/api/v1/items/${id}`), id);
  const departments = useDepartments();
  const access = useCatalogueAccess();
  const [editing, setEditing] = useState(false);
  const item = loaded.data;

  if (!item) {
    return loaded.error ? <Alert type="error" showIcon title={loaded.error} /> : <Spin size="large" style={{ display: 'block', margin: '64px auto' }} />;
  }
  const latest = item.latest;
  const retired = item.retiredAt !== null;
  const canWrite = access.canWrite(item.departmentId) && !retired;
  const canReview = access.canReview(item.departmentId);
  const draft = latest.status === 'draft';
  const showForm = canWrite && (draft || (editing && latest.status !== 'submitted'));
  const departmentName = departments.data?.items.find((d) => d.id === item.departmentId)?.name ?? '';

  const done = (text: string) => {
    void message.success(text);
    setEditing(false);
    loaded.reload();
  };
  const retire = async () => {
    try {
      await api.del(`/api/v1/items/${id}`);
      done('事项已停用');
    } catch (e) {
      void message.error(messageOf(e));
    }
  };

  const guide = showForm ? (
    <ItemEditForm
      key={item.id}
      initialValues={itemValues(item)}
      selfId={item.id}
      canSubmit
      saveText={draft ? '保存草稿' : '保存为新草稿版本'}
      persist={(v) => api.patch<ItemView>(`/api/v1/items/${id}`, updateBody(v))}
      onSaved={(_saved, submitted) => {
        if (submitted) done('已提交合法性审查');
        else {
          void message.success('草稿已保存');
          loaded.reload();
        }
      }}
      {...(draft ? {} : { onCancel: () => setEditing(false) })}
    />
  ) : (
    <GuideView guide={latest.guide as ItemGuide} />
  );

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
            {item.name} {retired ? <Tag>已停用</Tag> : null}
          </Typography.Title>
        }
        extra={
          <Button href={LIST_PATH} onClick={linkClick(LIST_PATH)}>
            返回事项列表
          </Button>
        }
      >
        <Summary item={item} departmentName={departmentName} />
        {draft && latest.reviewDecision === 'rejected' ? (
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={`审查退回（${latest.reviewer ?? ''}）：${latest.opinion ?? ''}`} />
        ) : null}
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          {canWrite && !showForm && (latest.status === 'published' || latest.status === 'withdrawn') ? (
            <Button type="primary" onClick={() => setEditing(true)}>
              编辑
            </Button>
          ) : null}
          {canReview ? <ReviewActions itemId={item.id} version={latest} onDone={done} /> : null}
          {canWrite ? (
            <Popconfirm title="停用该事项？" description="停用后不再公开、不能办理，记录仍保留可查。" okText="停用" cancelText="取消" onConfirm={() => retire()}>
              <Button danger>停用事项</Button>
            </Popconfirm>
          ) : null}
        </Flex>
      </Card>
      <Tabs
        items={[
          { key: 'guide', label: showForm ? `编辑办事指南（第 ${draft ? latest.number : latest.number + 1} 版草稿）` : `办事指南（第 ${latest.number} 版）`, children: guide },
          {
            key: 'versions',
            label: '版本记录',
            children: <VersionsPanel itemId={item.id} revision={item.updatedAt + latest.updatedAt} latestNumber={latest.number} canReview={canReview} onChanged={done} />,
          },
        ]}
      />
    </Flex>
  );
}

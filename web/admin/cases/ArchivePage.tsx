/** 办件归档: archived cases (§8.1.2.6 资料归档), read-only; each opens its detail with the archive record. */
import { Alert, Card, Typography } from 'antd';
import { useCentreId } from '../lookups.ts';
import { useCaseAccess } from './access.ts';
import { CaseTable } from './CaseTable.tsx';
import { useCasePage } from './use-case-page.ts';

export function ArchivePage() {
  const centreId = useCentreId();
  const { canRead } = useCaseAccess();
  const { list, paging } = useCasePage('archive', { status: 'archived' }, canRead);
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>办件归档</Typography.Title>}>
      <Typography.Paragraph type="secondary">已归档的办件只能查阅，不能再变更；申请人个人信息仅中心管理人员可查看完整内容（查看记入审计）。</Typography.Paragraph>
      {centreId && !canRead ? <Alert type="info" role="status" showIcon title="您无权查看本中心的办件" /> : null}
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      <CaseTable rows={list.data?.items ?? []} loading={list.loading} paging={paging} caption="已归档办件" archived />
    </Card>
  );
}

/**
 * 逾期预警: running cases past their promised due date (已超期) and those due within the
 * warning days of the case settings (临近到期), DB36/T 2016 §8.1.2.4 (办理 within the
 * promised limit) and §8.1.2.5.
 */
import { Alert, Badge, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../shared/api.ts';
import { linkClick } from '../../shared/router.ts';
import { useLoad } from '../../shared/use-load.ts';
import { centrePath, useCentreId } from '../lookups.ts';
import { useCaseAccess } from './access.ts';
import { CaseTable } from './CaseTable.tsx';
import { SETTINGS_PATH } from './paths.ts';
import { useCasePage, type CasePage } from './use-case-page.ts';
import type { CaseSettings } from './types.ts';


function AlertList({ title, hint, page, caption, colour }: { title: string; hint: ReactNode; page: CasePage; caption: string; colour: string }) {
  return (
    <section aria-label={title} style={{ marginBottom: 24 }}>
      <Flex align="center" gap={8} style={{ marginBottom: 4 }}>
        <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
          {title}
        </Typography.Title>
        <Badge count={page.list.data?.total ?? 0} showZero color={colour} overflowCount={9999} />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {hint}
      </Typography.Paragraph>
      {page.list.error ? <Alert type="error" showIcon title={page.list.error} style={{ marginBottom: 12 }} /> : null}
      <CaseTable rows={page.list.data?.items ?? []} loading={page.list.loading} paging={page.paging} caption={caption} />
    </section>
  );
}

export function CaseAlertsPage() {
  const centreId = useCentreId();
  const { canRead } = useCaseAccess();
  const overdue = useCasePage('alerts-overdue', { overdue: true }, canRead);
  const dueSoon = useCasePage('alerts-due-soon', { dueSoon: true }, canRead);
  const settings = useLoad(() => api.get<CaseSettings>(centrePath(centreId, 'case-settings')), centreId && canRead ? centreId : null);
  const warn = settings.data?.dueSoonWorkingDays;

  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>逾期预警</Typography.Title>}>
      {centreId && !canRead ? <Alert type="info" role="status" showIcon title="您无权查看本中心的办件" /> : null}
      <AlertList title="已超期" caption="已超期办件" colour="#cf1322" page={overdue} hint="已超过承诺办结时限仍未办结的办件，请督促尽快办结。" />
      <AlertList
        title="临近到期"
        caption="临近到期办件"
        colour="#d46b08"
        page={dueSoon}
        hint={
          <>
            承诺办结日在{warn === undefined ? '预警天数' : ` ${warn} 个工作日`}以内（含今日）的在办件。
            <a href={SETTINGS_PATH} onClick={linkClick(SETTINGS_PATH)}>
              办件设置（调整预警天数）
            </a>
          </>
        }
      />
    </Card>
  );
}

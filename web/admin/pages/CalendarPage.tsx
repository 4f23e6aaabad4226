/** 工作日历: holiday arrangements by year, the centre's closed days, and a working-day calculator. */
import { Card, Flex, Typography } from 'antd';
import { ClosedDaysCard } from '../calendar/ClosedDaysCard.tsx';
import { WorkingDaysCalculator } from '../calendar/WorkingDaysCalculator.tsx';
import { YearsCard } from '../calendar/YearsCard.tsx';
import { useCan, useCentreId } from '../lookups.ts';
import { can } from '../permissions.ts';
import { useSession } from '../session.tsx';

export function CalendarPage() {
  const { me } = useSession();
  const centreId = useCentreId();
  const canClose = useCan('calendar.closed-days');
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>工作日历</Typography.Title>}>
      <Flex vertical gap={16}>
        <WorkingDaysCalculator centreId={centreId} />
        <YearsCard canManage={can(me, 'calendar.manage', null)} />
        <ClosedDaysCard centreId={centreId} canManage={canClose} />
      </Flex>
    </Card>
  );
}

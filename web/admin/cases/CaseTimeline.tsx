/**
 * The five stages of a case (DB36/T 2016 §8.1.2.1: 咨询、受理、办理、送达、资料归档) with
 * start, end, time taken, counters and staff, as the server derives them from the event log.
 */
import { Grid, Steps } from 'antd';
import { durationText, STAGE_STATE_LABELS } from './labels.ts';
import { timeText } from './format.ts';
import type { CaseDetail } from './types.ts';

type Stage = CaseDetail['timeline'][number];

const STEP_STATUS: Readonly<Record<string, 'finish' | 'process' | 'wait'>> = { done: 'finish', current: 'process', pending: 'wait', skipped: 'wait' };

function StageContent({ s }: { s: Stage }) {
  // A stage not reached says so in its subtitle.
  if (s.state === 'skipped' || s.state === 'pending') return null;
  return (
    <div style={{ fontSize: 12, lineHeight: 1.7 }}>
      <div>开始：{timeText(s.startedAt)}</div>
      <div>结束：{s.endedAt ? timeText(s.endedAt) : '进行中'}</div>
      <div>
        {s.state === 'current' ? '已用时' : '用时'}：{durationText(s.durationSeconds)}
      </div>
      {s.counters.length > 0 ? <div>窗口：{s.counters.map((n) => `${n} 号`).join('、')}</div> : null}
      {s.staff.length > 0 ? <div>工作人员：{s.staff.join('、')}</div> : null}
    </div>
  );
}

export function CaseTimeline({ timeline }: { timeline: CaseDetail['timeline'] }) {
  const narrow = Grid.useBreakpoint().lg === false;
  const current = timeline.findIndex((s) => s.state === 'current');
  return (
    <Steps
      orientation={narrow ? 'vertical' : 'horizontal'}
      size="small"
      current={current >= 0 ? current : timeline.length}
      items={timeline.map((s) => ({
        key: s.stage,
        title: s.label,
        subTitle: (STAGE_STATE_LABELS as Record<string, string>)[s.state] ?? s.state,
        status: STEP_STATUS[s.state] ?? 'wait',
        content: <StageContent s={s} />,
      }))}
    />
  );
}

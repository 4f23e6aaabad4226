/** DB36/T 2016 §8.1.2.1: the five stages (咨询、受理、办理、送达、归档) with start, end, duration, counters and staff, from the event log. */
import { describe, expect, it } from 'vitest';
import { transition, type CaseAction, type CaseEvent, type CaseState } from './case-states.ts';
import { caseTimeline, stageOf, statusesOfStage } from './timeline.ts';
import { CASE_STATUSES } from './case-states.ts';
import { INCOMPLETE, at, clerk, context, fresh, manager } from './test-fixtures.ts';
import { openCase } from './case-states.ts';
import { buildChecklist } from './checklist.ts';
import { COMPLETE, SOURCE } from './test-fixtures.ts';

function run(steps: readonly [CaseAction, string, typeof clerk?][]): { state: CaseState; events: CaseEvent[] } {
  const opened = openCase(
    {
      id: 'c',
      caseNumber: 'N',
      openedAt: at('09:00'),
      checklist: buildChecklist(SOURCE.materials, COMPLETE),
      items: fresh().items,
      data: { consultation: { startedAt: at('08:50').toISOString(), endedAt: at('08:58').toISOString(), counterId: 'c-1', staffId: 's-desk' } },
    },
    clerk,
  );
  let state = opened.state;
  const events = [opened.event];
  for (const [action, time, actor] of steps) {
    const r = transition(state, action, context(at(time), actor ?? clerk));
    state = r.state;
    events.push(r.event);
  }
  return { state, events };
}

const backOffice = { kind: 'staff' as const, userId: 'u-b', staffId: 's-back', counterId: null };

describe('the timeline of a case', () => {
  it('a case through every stage: each with start, end, duration, counters and staff', () => {
    const { events } = run([
      [{ type: 'request_correction', materials: INCOMPLETE }, '09:10'],
      [{ type: 'resubmit', materials: COMPLETE }, '09:40'],
      [{ type: 'accept', mode: 'normal' }, '09:45'],
      [{ type: 'start_step', name: '审查', handler: '王' }, '10:00', backOffice],
      [{ type: 'suspend', kind: 'expert_review', reason: 'r', approver: 'a' }, '10:30', backOffice],
      [{ type: 'resume' }, '11:00', backOffice],
      [{ type: 'decide', decision: 'approve' }, '14:00', backOffice],
      [{ type: 'notify_pickup', place: '出件窗口' }, '14:05'],
      [{ type: 'picked_up', pickerName: '张三', pickerIdType: 'resident_id', pickerIdNumber: '11010519491231002X', identityChecked: true, relation: 'applicant' }, '16:00'],
      [{ type: 'archive', location: 'A-1' }, '17:00', manager],
    ]);
    const t = caseTimeline(events, at('18:00'));
    expect(t.map((s) => [s.label, s.state, s.durationSeconds])).toEqual([
      ['咨询', 'done', 8 * 60],
      ['受理', 'done', 45 * 60],
      ['办理', 'done', (4 * 60 + 15) * 60],
      ['送达', 'done', 2 * 3600],
      ['归档', 'done', 3600],
    ]);
    expect(t[0]).toMatchObject({ counterIds: ['c-1'], staffIds: ['s-desk'], startedAt: at('08:50'), endedAt: at('08:58') });
    expect(t[1]).toMatchObject({ counterIds: ['c-5'], staffIds: ['s-clerk'], startedAt: at('09:00'), endedAt: at('09:45') });
    expect(t[2]).toMatchObject({ staffIds: ['s-clerk', 's-back'], startedAt: at('09:45'), endedAt: at('14:00') });
    expect(t[4]?.staffIds).toEqual([]);
  });

  it('in progress: the current stage runs to now, later ones pending; no consultation: skipped', () => {
    const { events } = run([[{ type: 'accept', mode: 'normal' }, '09:30']]);
    const t = caseTimeline(events.map((e, i) => (i === 0 ? { ...e, data: {} } : e)), at('11:30'));
    expect(t.map((s) => s.state)).toEqual(['skipped', 'done', 'current', 'pending', 'pending']);
    expect(t[2]?.durationSeconds).toBe(2 * 3600);
    expect(t[3]?.startedAt).toBeNull();
  });

  it('a refusal skips processing and delivery; overturned on review, acceptance runs again', () => {
    const refused = run([[{ type: 'refuse', reason: 'r', legalBasis: 'b' }, '09:20']]);
    expect(caseTimeline(refused.events, at('10:00')).map((s) => s.state)).toEqual(['done', 'done', 'skipped', 'skipped', 'current']);
    const reopened = transition(refused.state, { type: 'reopen', opinion: 'o' }, context(at('10:00'), manager));
    expect(caseTimeline([...refused.events, reopened.event], at('10:30')).map((s) => s.state)).toEqual(['done', 'current', 'pending', 'pending', 'pending']);
  });

  it('a bundle item decided alone does not end processing', () => {
    const { events } = run([[{ type: 'accept', mode: 'normal' }, '09:30']]);
    const partial = { ...events[1]!, type: 'decided' as const, to: 'processing' as const, at: at('10:00') };
    expect(caseTimeline([...events, partial], at('11:00'))[2]?.state).toBe('current');
  });

  it('every status belongs to one stage; the stage filter lists them', () => {
    expect(CASE_STATUSES.map(stageOf)).toEqual(['acceptance', 'acceptance', 'archiving', 'archiving', 'processing', 'processing', 'processing', 'delivery', 'delivery', 'delivery', 'archiving', 'archiving']);
    expect(statusesOfStage('delivery', CASE_STATUSES)).toEqual(['decided', 'ready_for_pickup', 'posted']);
  });
});

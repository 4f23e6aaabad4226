/**
 * Demo cases (issue 5): a few cases in every stage, made through the use cases with the
 * clock set back to when each step would have happened, so that the lists show what a
 * working centre shows — one long overdue, one in review, a refusal awaiting its
 * review (§7.5.2.3), one awaiting correction (§8.1.2.3b), one delivered and archived
 * (§8.1.2.5, §8.1.2.6), and a consultation (§8.1.2.2).
 */
import type { ChecklistEntry, ChecklistEntryInput } from '../../domain/cases/checklist.ts';
import { AppError } from '../../domain/shared/errors.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { openNewCase } from '../cases/case-open.service.ts';
import { applyAction } from '../cases/case-transition.service.ts';
import type { TransitionBody } from '../cases/case.schemas.ts';
import { recordConsultation } from '../cases/consultation.service.ts';
import { findCase } from '../cases/case.repository.ts';

const DAY_MS = 86_400_000;

interface DemoCase {
  readonly item: string;
  readonly daysAgo: number;
  readonly by: 'manager' | 'clerk';
  readonly applicant: { readonly kind: 'person'; readonly name: string; readonly idNumber: string; readonly phone: string };
  /** Actions after opening, each `daysAgo` before now (the first also opens the case then). */
  readonly actions: readonly { readonly daysAgo: number; readonly body: TransitionBody | 'accept_all' | 'correct_first' }[];
}

/** Resident ID numbers with valid GB 11643 check characters (made-up people). */
const PEOPLE = [
  { kind: 'person', name: '刘建国', idNumber: '36010219800315001X', phone: '13907910001' },
  { kind: 'person', name: '陈秀英', idNumber: '360102197511080025', phone: '13907910002' },
  { kind: 'person', name: '黄志强', idNumber: '360103199001010030', phone: '13907910003' },
  { kind: 'person', name: '吴丽华', idNumber: '360104198512120049', phone: '13907910004' },
  { kind: 'person', name: '周文斌', idNumber: '360105199206300050', phone: '13907910005' },
] as const;

const DEMO_CASES: readonly DemoCase[] = [
  // Accepted a month ago, never decided: on the overdue list.
  { item: 'fund-withdrawal', daysAgo: 30, by: 'manager', applicant: PEOPLE[0], actions: [{ daysAgo: 30, body: 'accept_all' }] },
  // Accepted last week, in review.
  {
    item: 'estate-transfer',
    daysAgo: 6,
    by: 'manager',
    applicant: PEOPLE[1],
    actions: [
      { daysAgo: 6, body: 'accept_all' },
      { daysAgo: 5, body: { action: 'start_step', data: { name: '审查', handler: '不动产登记中心审核科' } } },
    ],
  },
  // Refused yesterday: the refusal report waits for a manager's review (§7.5.2.3).
  {
    item: 'company-establishment',
    daysAgo: 1,
    by: 'manager',
    applicant: PEOPLE[2],
    actions: [{ daysAgo: 1, body: { action: 'refuse', data: { reason: '拟设立公司名称与已登记企业名称相同，且申请人未先行办理名称自主申报', legalBasis: '《企业名称登记管理规定》第十七条' } } }],
  },
  // Today: a correction asked for once, listing what is missing (§8.1.2.3b).
  { item: 'individual-business', daysAgo: 0, by: 'manager', applicant: PEOPLE[3], actions: [{ daysAgo: 0, body: 'correct_first' }] },
  // On the spot at the tax counter, handed over and archived (§8.1.2.5, §8.1.2.6).
  {
    item: 'invoice',
    daysAgo: 10,
    by: 'clerk',
    applicant: PEOPLE[4],
    actions: [
      { daysAgo: 10, body: 'accept_all' },
      { daysAgo: 10, body: { action: 'decide', data: { decision: 'approve' } } },
      { daysAgo: 10, body: { action: 'notify_pickup', data: { place: '一楼统一出件窗口' } } },
      { daysAgo: 10, body: { action: 'picked_up', data: { pickerName: PEOPLE[4].name, pickerIdType: 'resident_id', pickerIdNumber: PEOPLE[4].idNumber, identityChecked: true, relation: 'applicant' } } },
      { daysAgo: 9, body: { action: 'archive', data: { location: '档案室 A-03 柜 2 层', retentionYears: 5 } } },
    ],
  },
];

/** The case's checklist with every material handed in (shared ones stay shared, §8.1.2.3c). */
function allProvided(checklist: readonly ChecklistEntry[]): ChecklistEntryInput[] {
  return checklist.map((e) => ({ name: e.name, issuingBody: e.issuingBody, status: e.status === 'shared' ? 'shared' : 'provided' }));
}

/** The checklist with the first material asked of the applicant missing, the rest handed in. */
function firstMissing(checklist: readonly ChecklistEntry[]): ChecklistEntryInput[] {
  const first = checklist.findIndex((e) => e.status !== 'shared');
  return allProvided(checklist).map((e, i) => (i === first ? { ...e, status: 'missing', note: '未携带原件，请补交' } : e));
}

export async function seedDemoCases(deps: AppDeps, actor: Actor, centreId: string, itemIds: ReadonlyMap<string, string>, users: { readonly manager: string; readonly clerk: string }): Promise<void> {
  const now = deps.clock().getTime();
  for (const [n, demo] of DEMO_CASES.entries()) {
    const itemId = itemIds.get(demo.item);
    if (!itemId) throw new Error(`demo case: no item "${demo.item}"`);
    const userId = users[demo.by];
    try {
      // Each case whole or not at all (a savepoint of the seeding transaction).
      await deps.db.transaction(async (tx) => {
        const at = (daysAgo: number, minute: number): AppDeps => ({ ...deps, db: tx, clock: () => new Date(now - daysAgo * DAY_MS + minute * 60_000) });
        const id = await openNewCase(at(demo.daysAgo, n), actor, userId, centreId, { itemId, applicant: { ...demo.applicant } });
        for (const [k, step] of demo.actions.entries()) {
          let body: TransitionBody;
          if (step.body === 'accept_all' || step.body === 'correct_first') {
            const row = (await findCase(tx, id))!;
            body =
              step.body === 'accept_all'
                ? { action: 'accept', data: { mode: 'normal', materials: allProvided(row.checklist) } }
                : { action: 'request_correction', data: { materials: firstMissing(row.checklist) } };
          } else body = step.body;
          await applyAction(at(step.daysAgo, n + k + 1), actor, userId, id, body);
        }
      });
    } catch (err) {
      // A start in a year whose holidays are not loaded yet cannot count working days: that case is left out, the rest of the demo stands.
      if (err instanceof AppError && err.code === 'CALENDAR_YEAR_NOT_LOADED') continue;
      throw err;
    }
  }
  await recordConsultation(deps, actor, users.clerk, centreId, {
    applicantName: '赵敏',
    unit: '南昌新建区某某商贸有限公司',
    contact: '13907910006',
    itemId: itemIds.get('invoice')!,
    question: '新办企业第一次领用发票需要带哪些材料？',
    answer: '经办人携带本人居民身份证原件，填写《发票票种核定表》；营业执照信息通过数据共享获取，无需提交复印件。可在二楼税务专区 25 号窗口或电子税务局办理。',
  });
}

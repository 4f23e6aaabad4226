/**
 * Tables of case handling (办件, issue 5; DB36/T 2016 §7.5.2.3, §8.1.2, §8.2.4–§8.2.7). The
 * rules live in src/domain/cases/; these tables hold their state. Personal data of
 * applicants (name, ID number, phone, address) is kept encrypted with keyed digests and
 * masked forms, like the phones of queue tickets (queue/personal-data.ts).
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TimeLimit } from '../../domain/catalogue/guide.ts';
import type { ChecklistEntry } from '../../domain/cases/checklist.ts';
import type { CaseSettingsInput } from '../../domain/cases/settings.ts';
import { bundles, items, itemVersions } from '../catalogue/schema.ts';
import { centres, counters, departments, staff } from '../organisation/schema.ts';
import { users } from '../../platform/auth/schema.ts';
import { tickets } from '../queue/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** §8.1.2.2 咨询接待记录: who asked what, the answer, who answered where, and whether they were referred elsewhere. */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at').notNull(),
    /** Name and contact: encrypted (JSON), with masked forms for every reader. */
    personalCipher: text('personal_cipher').notNull(),
    applicantNameMasked: text('applicant_name_masked').notNull(),
    contactMasked: text('contact_masked'),
    /** 单位 (an organisation's name is not personal data). */
    unit: text('unit'),
    itemId: uuid('item_id').references(() => items.id),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    /** §8.1.2.2b: referred to another area, department or counter, and where. */
    referred: boolean('referred').notNull().default(false),
    referredTo: text('referred_to'),
    clerkId: uuid('clerk_id').references(() => staff.id),
    counterId: uuid('counter_id').references(() => counters.id),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('consultations_centre_idx').on(t.centreId, t.startedAt)],
);

/** A case: one item, handling item or "一件事" bundle, from acceptance to archive. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    /** The department of the (lead) item: a clerk scoped to a department handles its cases. */
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    /** The item, or the lead item of a bundle; its published version when the case opened. */
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => itemVersions.id),
    bundleId: uuid('bundle_id').references(() => bundles.id),
    /** The item's (or bundle's) name as published when the case opened. */
    title: text('title').notNull(),
    caseNumber: text('case_number').notNull(),
    caseDay: date('case_day', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    mode: text('mode'),
    /** person / organisation; the full applicant (JSON) encrypted, masked forms and digests beside. */
    applicantKind: text('applicant_kind').notNull(),
    applicantCipher: text('applicant_cipher').notNull(),
    applicantNameMasked: text('applicant_name_masked').notNull(),
    applicantIdType: text('applicant_id_type'),
    applicantIdMasked: text('applicant_id_masked'),
    applicantIdDigest: text('applicant_id_digest'),
    applicantUscc: text('applicant_uscc'),
    phoneMasked: text('phone_masked').notNull(),
    phoneDigest: text('phone_digest').notNull(),
    /** Keyed digest of the case number and the phone's last 4 digits: the public progress check. */
    checkDigest: text('check_digest').notNull(),
    /** §8.2.2 帮代办: the staff member handling the application for the applicant. */
    agentStaffId: uuid('agent_staff_id').references(() => staff.id),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    consultationId: uuid('consultation_id').references(() => consultations.id),
    /** Where and by whom the case was opened. */
    counterId: uuid('counter_id').references(() => counters.id),
    clerkId: uuid('clerk_id').references(() => staff.id),
    openedBy: uuid('opened_by').references(() => users.id),
    /** §8.2.6 异地办/通办: accepted here, decided elsewhere. */
    crossRegionScope: text('cross_region_scope'),
    decidingPlace: text('deciding_place'),
    checklist: jsonb('checklist').$type<ChecklistEntry[]>().notNull(),
    /** The rest of the domain state (tolerance, commitment, refusal, stops, extensions, delivery masked, archive). */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** A posting address in full, encrypted (the detail keeps it masked). */
    deliveryAddressCipher: text('delivery_address_cipher'),
    openedAt: ts('opened_at').notNull(),
    acceptedAt: ts('accepted_at'),
    decidedAt: ts('decided_at'),
    decision: text('decision'),
    deliveredAt: ts('delivered_at'),
    archivedAt: ts('archived_at'),
    /** Recomputed in the transaction of accept, suspend, resume, extend and decide; null while suspended. */
    promisedDueAt: ts('promised_due_at'),
    legalDueAt: ts('legal_due_at'),
    suspendedSeconds: integer('suspended_seconds').notNull().default(0),
    toleranceDeadline: ts('tolerance_deadline'),
    toleranceCompletedAt: ts('tolerance_completed_at'),
    toleranceRemindedAt: ts('tolerance_reminded_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('cases_case_number_idx').on(t.caseNumber),
    // The overdue and due-soon lists: a range scan of one centre's running cases by due date.
    index('cases_clock_due_idx').on(t.centreId, t.promisedDueAt).where(sql`status in ('accepted', 'processing', 'suspended')`),
    index('cases_centre_opened_idx').on(t.centreId, t.openedAt),
    index('cases_centre_status_idx').on(t.centreId, t.status),
    index('cases_tolerance_idx').on(t.toleranceDeadline).where(sql`tolerance_deadline is not null and tolerance_completed_at is null and tolerance_reminded_at is null`),
    index('cases_ticket_idx').on(t.ticketId),
  ],
);

/** The items of a case (one, or each item of a bundle), each tracked to its own decision (§8.2.4). */
export const caseItems = pgTable(
  'case_items',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => itemVersions.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    promisedLimit: jsonb('promised_limit').$type<TimeLimit | null>(),
    legalLimit: jsonb('legal_limit').$type<TimeLimit | null>(),
    decision: text('decision'),
    decidedAt: ts('decided_at'),
    reasons: text('reasons'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.itemId] })],
);

/** Every transition of a case with time, actor, counter and data (personal data masked): the timeline of §8.1.2.1. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    type: text('type').notNull(),
    at: ts('at').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    userId: uuid('user_id').references(() => users.id),
    staffId: uuid('staff_id').references(() => staff.id),
    counterId: uuid('counter_id').references(() => counters.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id), index('case_events_centre_at_idx').on(t.centreId, t.at)],
);

/** §8.1.2.4 back-office steps (审查, 决定 …): handler, start, end, opinion. */
export const caseSteps = pgTable(
  'case_steps',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    itemId: uuid('item_id').references(() => items.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    handler: text('handler').notNull(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
    opinion: text('opinion'),
  },
  (t) => [uniqueIndex('case_steps_position_idx').on(t.caseId, t.position)],
);

/** The last case number drawn per implementation code and service day; the row lock serialises opening. */
export const caseSequences = pgTable(
  'case_sequences',
  {
    implementationCode: text('implementation_code').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.implementationCode, t.day] })],
);

/**
 * §7.5.2.3 否定事项报备: a refusal or rejection at the counter, reported and filed, for a
 * manager to confirm or overturn with an opinion; overdue after a number of working days.
 */
export const refusalReviews = pgTable(
  'refusal_reviews',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    /** The refused case; null for a request turned away without a case (reported on its own). */
    caseId: uuid('case_id').references(() => cases.id),
    itemId: uuid('item_id').references(() => items.id),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    applicantNameMasked: text('applicant_name_masked').notNull(),
    reason: text('reason').notNull(),
    legalBasis: text('legal_basis').notNull(),
    clerkId: uuid('clerk_id').references(() => staff.id),
    counterId: uuid('counter_id').references(() => counters.id),
    reportedBy: uuid('reported_by').references(() => users.id),
    reportedAt: ts('reported_at').notNull(),
    dueAt: ts('due_at').notNull(),
    status: text('status').notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    opinion: text('opinion'),
    late: boolean('late'),
  },
  (t) => [index('refusal_reviews_centre_idx').on(t.centreId, t.status, t.dueAt), uniqueIndex('refusal_reviews_case_idx').on(t.caseId).where(sql`case_id is not null and status = 'pending'`)],
);

/** One settings object per centre (domain/cases/settings.ts); missing parts take their defaults. */
export const caseSettings = pgTable('case_settings', {
  centreId: uuid('centre_id')
    .primaryKey()
    .references(() => centres.id),
  settings: jsonb('settings').$type<CaseSettingsInput>().notNull().default(sql`'{}'::jsonb`),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Failed public progress checks per address and per case number (domain/cases/public-check.ts). */
export const caseCheckThrottle = pgTable('case_check_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: ts('window_start').notNull(),
  lockedUntil: ts('locked_until'),
});

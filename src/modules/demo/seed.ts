/**
 * The demo centre: a realistic Jiangxi county centre with departments, zones, counters,
 * staff and one account per role. Written through the organisation's own use cases as
 * the system actor, in one transaction, so that it is validated and audited like any
 * change and either appears whole or not at all.
 */
import { sql } from 'drizzle-orm';
import { isStrongPassword } from '../../domain/accounts/password-policy.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/crypto.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { insertUser, usernameTaken } from '../accounts/user.repository.ts';
import { createCentre } from '../organisation/centres/centre.service.ts';
import { setCounterStatus, createCounter } from '../organisation/counters/counter.service.ts';
import { createDepartment, updateDepartment } from '../organisation/departments/department.service.ts';
import { centres } from '../organisation/schema.ts';
import { createStaff } from '../organisation/staff/staff.service.ts';
import { createZone } from '../organisation/zones/zone.service.ts';
import { DEMO_ACCOUNTS, DEMO_CENTRE, DEMO_COUNTERS, DEMO_DEPARTMENTS, DEMO_STAFF, DEMO_ZONES } from './demo-data.ts';
import { createBundle } from '../catalogue/bundle.service.ts';
import { createItem } from '../catalogue/item.service.ts';
import { publishItem } from '../catalogue/item-version.service.ts';
import type { ItemCreate } from '../catalogue/item.schemas.ts';
import { demoBundles, demoItems, type DemoItemInput } from './demo-items.ts';
import { storeFile } from '../files/file.service.ts';
import { blankFormPdf, DEMO_BLANK_FORMS, withBlankForms } from './blank-forms.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoQueues } from './demo-queues.ts';
import { createDeviceToken } from '../accounts/device-token.service.ts';

export interface DemoAccount {
  readonly role: string;
  readonly username: string;
  readonly password: string;
}

/** A demo device: its token is shown once, at the first start, to set up the kiosk and the hall display. */
export interface DemoDevice {
  readonly role: 'kiosk' | 'display';
  readonly name: string;
  readonly token: string;
  /** Where to open it, e.g. `/kiosk/`. */
  readonly path: string;
}

export interface DemoSeed {
  readonly centreId: string;
  readonly accounts: DemoAccount[];
  readonly devices: DemoDevice[];
}

export async function hasAnyCentre(deps: AppDeps): Promise<boolean> {
  const [row] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(centres);
  return (row?.n ?? 0) > 0;
}

function need<T>(map: Map<string, T>, key: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo data: unknown key ${key}`);
  return value;
}

/** Loads the demo centre and returns the demo accounts with their passwords and the demo devices' tokens (for the console). */
export async function seedDemo(deps: AppDeps): Promise<DemoSeed> {
  for (const a of DEMO_ACCOUNTS) if (!isStrongPassword(a.password)) throw new AppError('PASSWORD_TOO_WEAK');
  // scrypt runs on libuv's thread pool: the hashes are computed side by side, outside the transaction.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
  const actor = SYSTEM_ACTOR;
  const now = deps.clock();

  return deps.db.transaction(async (tx) => {
    // The use cases open their own transactions: inside this one they become savepoints.
    const d: AppDeps = { ...deps, db: tx };

    const centre = await createCentre(d, actor, DEMO_CENTRE);
    const centreId = centre.id;

    const departments = new Map<string, string>();
    for (const [i, dept] of DEMO_DEPARTMENTS.entries()) {
      const created = await createDepartment(d, actor, centreId, { name: dept.name, shortName: dept.shortName, uscc: dept.uscc, phone: dept.phone, sortOrder: (i + 1) * 10 });
      departments.set(dept.key, created.id);
    }

    const zones = new Map<string, string>();
    for (const zone of DEMO_ZONES) {
      const created = await createZone(d, actor, centreId, { name: zone.name, kind: zone.kind, floor: zone.floor, areaM2: zone.areaM2 });
      zones.set(zone.key, created.id);
    }

    const userOfStaff = new Map<string, string>();
    for (const [i, account] of DEMO_ACCOUNTS.entries()) {
      if (await usernameTaken(tx, account.username)) throw new AppError('USERNAME_TAKEN', { message: `演示账号 ${account.username} 已存在` });
      const person = DEMO_STAFF.find((s) => s.key === account.staff);
      const grants = [{ role: account.role, centreId, departmentId: account.department ? need(departments, account.department) : null }];
      const user = await insertUser(tx, { username: account.username, displayName: person?.name ?? account.username, passwordHash: hashes[i]!, now }, grants);
      await writeAudit(tx, actor, now, { centreId, entity: 'user', entityId: user.id, action: 'create', after: { username: user.username, roles: grants } });
      if (account.staff) userOfStaff.set(account.staff, user.id);
    }

    const blocks = new Map(DEMO_DEPARTMENTS.map((x) => [x.key, x.block]));
    const seqByBlock = new Map<string, number>();
    for (const person of DEMO_STAFF) {
      // Work numbers (工号, §5.1.3.4): XJ + the department's block (00: the centre's own) + sequence.
      const block = person.department ? need(blocks, person.department) : '00';
      const seq = (seqByBlock.get(block) ?? 0) + 1;
      seqByBlock.set(block, seq);
      const created = await createStaff(
        d,
        actor,
        centreId,
        {
          name: person.name,
          workNumber: `XJ${block}${String(seq).padStart(2, '0')}`,
          title: person.title,
          departmentId: person.department ? need(departments, person.department) : null,
          phone: `139079${block}${String(seq).padStart(3, '0')}`,
          duties: [...person.duties],
          userId: userOfStaff.get(person.key) ?? null,
        },
        { private: true },
      );
      // §3.8, §7.4.1 b: each stationed department has its chief representative.
      if (person.chief && person.department) {
        await updateDepartment(d, actor, need(departments, person.department), { chiefRepresentativeId: created.id });
      }
    }

    const counterIds = new Map<string, string>();
    for (const counter of DEMO_COUNTERS) {
      const created = await createCounter(d, actor, centreId, {
        number: counter.number,
        name: counter.name,
        kind: counter.kind,
        zoneId: need(zones, counter.zone),
        departmentId: counter.department ? need(departments, counter.department) : null,
        ...(counter.areaName ? { areaName: counter.areaName } : {}),
      });
      counterIds.set(counter.number, created.id);
      if (counter.status !== 'closed') await setCounterStatus(d, actor, created.id, { status: counter.status });
    }

    // §6.3.2: a few materials get a real 空白表格, stored like an upload.
    const blankForms = new Map<string, string>();
    for (const f of DEMO_BLANK_FORMS) blankForms.set(f.material, (await storeFile(d, actor, centreId, { name: f.fileName, bytes: blankFormPdf(f.material, f.fields) })).id);

    // The catalogue (§7.3): every demo item created and published through the use cases,
    // parents before children, then the "高效办成一件事" bundles (§8.2.4).
    // Written and published 60 days ago, so that the demo cases of the past weeks find them in force.
    const catalogueDeps: AppDeps = { ...d, clock: () => new Date(now.getTime() - 60 * 86_400_000) };
    const itemIds = new Map<string, string>();
    for (const input of withBlankForms(demoItems(departments), blankForms)) {
      const created = await createItem(catalogueDeps, actor, centreId, itemCreateOf(input, input.parentKey ? need(itemIds, input.parentKey) : null));
      itemIds.set(input.key, created.id);
      await publishItem(catalogueDeps, actor, created.id, { reviewer: '新建区司法局合法性审查组', opinion: '经审查，事项设定依据合法有效，办事指南要素齐全，同意发布（演示数据）' });
    }
    for (const bundle of demoBundles(itemIds)) await createBundle(d, actor, centreId, bundle);

    // Queueing (issue 4): the comprehensive pool, the professional areas, 出入境, tidal thresholds.
    await seedDemoQueues(d, actor, centreId, counterIds, itemIds);

    // Case handling (issue 5): cases in every stage, an overdue one, a refusal awaiting review, a consultation.
    await seedDemoCases(d, actor, centreId, itemIds, { manager: need(userOfStaff, 'deputy'), clerk: need(userOfStaff, 'tax1') });

    // A kiosk and a hall display (issue 4), their tokens shown once like any device token.
    const devices: DemoDevice[] = [];
    for (const device of [
      { role: 'kiosk', name: '一楼大厅自助取号机', path: '/kiosk/' },
      { role: 'display', name: '一楼大厅叫号屏', path: '/display/hall' },
    ] as const) {
      const created = await createDeviceToken(d, actor, centreId, { role: device.role, name: device.name });
      devices.push({ ...device, token: created.token });
    }

    return { centreId, accounts: DEMO_ACCOUNTS.map((a) => ({ role: a.role, username: a.username, password: a.password })), devices };
  });
}

/**
 * A demo item as the catalogue's create input, the parent by id. The input type comes
 * from the TypeBox schema, whose enumerations are built from the domain's code tables;
 * the demo guide is typed with those same domain types (and checked by demo-items.test.ts).
 */
function itemCreateOf(input: DemoItemInput, parentId: string | null): ItemCreate {
  const { key: _key, parentKey: _parentKey, ...rest } = input;
  return { ...rest, parentId } as ItemCreate;
}

/**
 * The "your turn is near" hook (issue 4 "Mobile ticket"): when a ticket with a phone
 * comes within the configured place (settings `notify.nearPlace`), the citizen is told,
 * once per ticket (the claim on `near_notified_at` holds across processes).
 *
 * The message goes through an adapter: in development the default one only writes a
 * log line (with the phone masked); a deployment plugs in its SMS or 政务服务 app
 * channel with {@link setNotifier}.
 */
import type { Database } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { dataKeys, revealPhone } from './personal-data.ts';

export interface NearMessage {
  readonly ticketId: string;
  /** In full, for the channel; never logged. */
  readonly phone: string;
  readonly phoneMasked: string;
  readonly number: string;
  readonly queueName: string;
  /** 您的A012号即将叫号，请留意大厅叫号屏 */
  readonly text: string;
}

export interface Notifier {
  yourTurnIsNear(message: NearMessage): Promise<void>;
}

export interface NotifyLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** The development adapter: one log line per message, the phone masked. */
export function logNotifier(log: NotifyLog): Notifier {
  return {
    yourTurnIsNear(m) {
      log.info({ ticketId: m.ticketId, number: m.number, phone: m.phoneMasked }, `your turn is near: ${m.text}`);
      return Promise.resolve();
    },
  };
}

const notifiers = new WeakMap<Database, { notifier: Notifier; log: NotifyLog }>();

/** Sets the adapter of this database's server (the routes set the log adapter at start). */
export function setNotifier(deps: Pick<AppDeps, 'database'>, notifier: Notifier, log: NotifyLog): void {
  notifiers.set(deps.database, { notifier, log });
}

/** A ticket claimed for the message in the transaction that brought it near. */
export interface NearNotice {
  readonly id: string;
  readonly number: string;
  readonly queueId: string;
  readonly queueName: string;
  readonly phoneCipher: string | null;
  readonly phoneMasked: string | null;
}

/** Sends the messages after the commit; a failing channel is logged, never fails the call that triggered it. */
export async function sendNearNotices(deps: AppDeps, notices: readonly NearNotice[]): Promise<void> {
  const target = notifiers.get(deps.database);
  if (!target || notices.length === 0) return;
  const keys = await dataKeys(deps);
  for (const n of notices) {
    if (!n.phoneCipher) continue;
    try {
      await target.notifier.yourTurnIsNear({
        ticketId: n.id,
        phone: revealPhone(keys, n.phoneCipher),
        phoneMasked: n.phoneMasked ?? '',
        number: n.number,
        queueName: n.queueName,
        text: `您的${n.number}号（${n.queueName}）即将叫号，请到大厅留意叫号屏`,
      });
    } catch (err) {
      target.log.error({ ticketId: n.id, err }, 'your-turn-is-near message failed');
    }
  }
}

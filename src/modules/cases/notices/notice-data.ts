/**
 * The printed notices of case handling (DB36/T 2016 §8.1.2, §8.2.7, §7.5.2.3) and
 * their input: plain data, filled by whoever prints (the case module), so that the
 * layout knows nothing of tables or sessions.
 *
 * Dates are calendar dates in the centre's time zone, `YYYY-MM-DD`; instants (the time
 * of a delivery) are a `Date` or an ISO 8601 string with its offset, printed in
 * Asia/Shanghai time.
 */

export const NOTICE_KINDS = {
  /** §8.1.2.3: materials complete and in legal form. */
  acceptance: { title: '受理通知书', clause: '§8.1.2.3' },
  /** §8.1.2.3 b: every missing or faulty material, told once. */
  correction: { title: '一次性告知书', subtitle: '（补正材料通知）', clause: '§8.1.2.3 b' },
  /** §8.2.7 / §8.1.2.3 c: accepted with a minor material missing, completed by a deadline. */
  tolerance: { title: '容缺受理告知书', clause: '§8.2.7' },
  /** §7.5.2.3 / §8.1.2.4 b: refused, with the reason, the legal basis and the remedies. */
  refusal: { title: '不予受理决定书', clause: '§7.5.2.3' },
  /** §8.1.2.5: what was delivered, how and when, signed by the receiver. */
  delivery_receipt: { title: '送达回证', clause: '§8.1.2.5' },
  /** §8.1.2.2 a: the complete answer to a consultation, given once. */
  consultation_answer: { title: '一次性告知单', subtitle: '（咨询答复）', clause: '§8.1.2.2' },
} as const satisfies Record<string, { title: string; subtitle?: string; clause: string }>;

export type NoticeKind = keyof typeof NOTICE_KINDS;

export const NOTICE_KIND_IDS = Object.keys(NOTICE_KINDS) as readonly NoticeKind[];

export function isNoticeKind(value: string): value is NoticeKind {
  return Object.hasOwn(NOTICE_KINDS, value);
}

/** The Chinese title of a kind, with its subtitle when it has one. */
export function noticeTitle(kind: NoticeKind): string {
  const k: { title: string; subtitle?: string } = NOTICE_KINDS[kind];
  return `${k.title}${k.subtitle ?? ''}`;
}

export type LocalDate = string;
export type Instant = Date | string;

export interface NoticeMaterial {
  readonly name: string;
  readonly originals?: number | null;
  readonly copies?: number | null;
  readonly note?: string | null;
}

export interface AcceptanceDetails {
  readonly acceptedOn: LocalDate;
  /** 承诺办结时限 as printed, e.g. "20 个工作日". */
  readonly promisedTimeLimit: string;
  /** The date the promised time limit ends (working days already counted). */
  readonly dueOn: LocalDate;
  /** The materials received (may be empty: an item may need none). */
  readonly materials: readonly NoticeMaterial[];
  /** e.g. "《中华人民共和国行政许可法》第三十二条". */
  readonly legalBasis?: string | null;
  /** 结果领取方式, e.g. "窗口领取" or "邮政快递送达". */
  readonly resultDelivery?: string | null;
}

export type CorrectionIssue = 'missing' | 'incorrect';

export interface CorrectionDetails {
  /** Every missing or faulty material, at once (§8.1.2.3 b); at least one. */
  readonly materials: readonly { readonly name: string; readonly issue: CorrectionIssue; readonly requirement: string }[];
  readonly legalBasis?: string | null;
  /** 补正期限, when the item sets one. */
  readonly correctBy?: LocalDate | null;
}

export interface ToleranceDetails {
  readonly acceptedOn: LocalDate;
  /** The materials accepted as missing; at least one. */
  readonly materials: readonly { readonly name: string; readonly condition?: string | null }[];
  /** 补齐材料时限 (§8.2.7): the last day to complete. */
  readonly completeBy: LocalDate;
  /** The same limit as the guide states it, e.g. "5 个工作日". */
  readonly timeLimit?: string | null;
  /** The applicant's commitment; a standard text when absent. */
  readonly commitment?: string | null;
  /** What happens when the deadline passes; a standard text when absent. */
  readonly consequence?: string | null;
}

export interface RefusalDetails {
  readonly reason: string;
  /** The provision the refusal rests on, e.g. "《中华人民共和国行政许可法》第三十二条第一款第（二）项". */
  readonly legalBasis: string;
  /** Where the applicant should apply instead, when the matter belongs elsewhere. */
  readonly redirect?: string | null;
  /** 行政复议机关 and 人民法院 to name; generic wording when absent. */
  readonly reviewBody?: string | null;
  readonly court?: string | null;
}

export const DELIVERY_METHODS = {
  in_person: '直接送达（现场递交）',
  post: '邮寄送达（邮政快递）',
  electronic: '电子送达',
} as const;
export type DeliveryMethod = keyof typeof DELIVERY_METHODS;

export interface DeliveryDetails {
  /** The documents delivered; at least one. */
  readonly documents: readonly { readonly name: string; readonly number?: string | null; readonly copies?: number | null }[];
  readonly method: DeliveryMethod;
  /** Left blank, to be written by hand, when absent. */
  readonly deliveredAt?: Instant | null;
  readonly place?: string | null;
  readonly trackingNumber?: string | null;
  readonly note?: string | null;
}

export interface ConsultationDetails {
  readonly askedOn: LocalDate;
  readonly question: string;
  /** The complete answer (§8.1.2.2 a: one answer, nothing left to ask again). */
  readonly answer: string;
  readonly materials?: readonly NoticeMaterial[] | null;
  /** §8.1.2.2 b: the area, department or counter that handles the matter instead. */
  readonly referral?: string | null;
}

export interface NoticeData {
  readonly centre: { readonly name: string; readonly address?: string | null; readonly phone?: string | null };
  /** 办件编号; for a consultation, the number of its record (§8.1.2.2 c). */
  readonly caseNumber: string;
  /** `id` (optional) lets a consultation's QR code open the item's online guide. */
  readonly item: { readonly name: string; readonly department: string; readonly id?: string | null };
  readonly applicant: {
    readonly kind: 'person' | 'organisation';
    readonly name: string;
    /** Masked already (maskIdNumber); printed masked in any case. Not required for a consultation. */
    readonly idMasked?: string | null;
  };
  readonly clerkName: string;
  readonly counterNumber?: string | null;
  /** The date printed above the seal. */
  readonly issuedOn: LocalDate;
  /** The date the application was received (all case notices but the delivery receipt). */
  readonly receivedOn?: LocalDate | null;
  readonly acceptance?: AcceptanceDetails;
  readonly correction?: CorrectionDetails;
  readonly tolerance?: ToleranceDetails;
  readonly refusal?: RefusalDetails;
  readonly delivery?: DeliveryDetails;
  readonly consultation?: ConsultationDetails;
}

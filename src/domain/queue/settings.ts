/**
 * A centre's queue settings in one object: recall limit, priority weights and ageing,
 * mobile limits, the wait estimate, tidal hysteresis, the call voice, the "your turn is
 * near" place and the hall notice. Each part is
 * owned by the module that uses it; this file gathers the defaults and checks a whole
 * settings object, so the service stores and validates one thing.
 */
import { AppError, type FieldIssue } from '../shared/errors.ts';
import { DEFAULT_CALL_VOICE, type CallVoiceSettings } from './call-sentence.ts';
import { DEFAULT_ISSUING_LIMITS, type IssuingLimits } from './issuing.ts';
import { DEFAULT_PRIORITY_SETTINGS, PRIORITY_CLASSES, type PriorityClass, type PrioritySettings } from './priority.ts';
import { DEFAULT_RECALL_LIMIT } from './ticket-states.ts';
import { DEFAULT_TIDAL_SETTINGS, type TidalSettings } from './tidal.ts';
import { DEFAULT_ESTIMATE_SETTINGS, type EstimateSettings } from './wait-estimate.ts';

/** Issue 4 "Mobile ticket": the citizen is told once when this few people remain ahead. */
export interface NotifySettings {
  /** "Your turn is near" when the ticket's place (people ahead + 1) is at most this. */
  readonly nearPlace: number;
}

export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = { nearPlace: 5 };

/** DB36/T 2016 §5.2.2 显示屏: what the hall display shows besides the calls. */
export interface DisplaySettings {
  /** The scrolling notice of the hall display; empty: none. */
  readonly notice: string;
}

export const DEFAULT_DISPLAY_SETTINGS: DisplaySettings = { notice: '' };

/** Longest hall notice, in characters. */
export const NOTICE_MAX_LENGTH = 500;

export interface QueueSettings {
  /** Recalls allowed after the first call (ticket-states.ts). */
  readonly recallLimit: number;
  readonly priority: PrioritySettings;
  readonly issuing: IssuingLimits;
  readonly estimate: EstimateSettings;
  readonly tidal: TidalSettings;
  readonly voice: CallVoiceSettings;
  readonly notify: NotifySettings;
  readonly display: DisplaySettings;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  recallLimit: DEFAULT_RECALL_LIMIT,
  priority: DEFAULT_PRIORITY_SETTINGS,
  issuing: DEFAULT_ISSUING_LIMITS,
  estimate: DEFAULT_ESTIMATE_SETTINGS,
  tidal: DEFAULT_TIDAL_SETTINGS,
  voice: DEFAULT_CALL_VOICE,
  notify: DEFAULT_NOTIFY_SETTINGS,
  display: DEFAULT_DISPLAY_SETTINGS,
};

/** Stored settings may predate a field: each missing part falls back to its default. */
export interface QueueSettingsInput {
  readonly recallLimit?: number;
  readonly priority?: Partial<Omit<PrioritySettings, 'weights'>> & { readonly weights?: Partial<Record<PriorityClass, number>> };
  readonly issuing?: Partial<IssuingLimits>;
  readonly estimate?: Partial<EstimateSettings>;
  readonly tidal?: Partial<TidalSettings>;
  readonly voice?: Partial<CallVoiceSettings>;
  readonly notify?: Partial<NotifySettings>;
  readonly display?: Partial<DisplaySettings>;
}

/** The defaults overlaid with `input` (one level deep; priority weights per class). */
export function withDefaults(input: QueueSettingsInput = {}): QueueSettings {
  const d = DEFAULT_QUEUE_SETTINGS;
  return {
    recallLimit: input.recallLimit ?? d.recallLimit,
    priority: { ...d.priority, ...input.priority, weights: { ...d.priority.weights, ...input.priority?.weights } },
    issuing: { ...d.issuing, ...input.issuing },
    estimate: { ...d.estimate, ...input.estimate },
    tidal: { ...d.tidal, ...input.tidal },
    voice: { ...d.voice, ...input.voice },
    notify: { ...d.notify, ...input.notify },
    display: { ...d.display, ...input.display },
  };
}

/** Every fault of a settings object, one issue per field (code QUEUE_SETTINGS_INVALID), paths from the root. */
export function checkQueueSettings(s: QueueSettings): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const check = (ok: boolean, path: string, message: string) => {
    if (!ok) issues.push({ path, code: 'QUEUE_SETTINGS_INVALID', message });
  };
  const whole = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;
  const within = (v: number, min: number, max: number) => Number.isFinite(v) && v >= min && v <= max;

  check(whole(s.recallLimit, 0, 10), '/recallLimit', '重呼次数上限应为 0–10 的整数');
  for (const c of PRIORITY_CLASSES) {
    check(within(s.priority.weights[c], 0, 600), `/priority/weights/${c}`, '优先权重应在 0–600 之间（1 分相当于多等 1 分钟）');
  }
  check(within(s.priority.ageingPerMinute, 0.01, 100), '/priority/ageingPerMinute', '等候加权应在 0.01–100 之间（须大于 0，否则普通号可能一直等待）');
  check(whole(s.priority.elderlyAge, 50, 100), '/priority/elderlyAge', '老年人年龄标准应为 50–100 的整数（默认 60 周岁）');
  check(whole(s.priority.appointmentLateMinutes, 0, 240), '/priority/appointmentLateMinutes', '预约迟到容许时间应为 0–240 分钟的整数');
  check(whole(s.issuing.mobilePerPhone, 1, 50), '/issuing/mobilePerPhone', '每个手机号每日取号上限应为 1–50 的整数');
  check(whole(s.issuing.mobilePerIdNumber, 1, 50), '/issuing/mobilePerIdNumber', '每个身份证号每日取号上限应为 1–50 的整数');
  check(whole(s.estimate.sampleSize, 1, 1000), '/estimate/sampleSize', '平均办理时长的样本数应为 1–1000 的整数');
  check(whole(s.estimate.priorWeight, 0, 100), '/estimate/priorWeight', '默认办理时长的权重应为 0–100 的整数');
  check(within(s.estimate.fallbackServiceMinutes, 0.5, 480), '/estimate/fallbackServiceMinutes', '默认平均办理时长应在 0.5–480 分钟之间');
  check(within(s.estimate.maxSampleMinutes, 1, 480), '/estimate/maxSampleMinutes', '单次办理时长上限应在 1–480 分钟之间');
  check(within(s.tidal.clearRatio, 0, 0.95), '/tidal/clearRatio', '潮汐预警解除比例应在 0–0.95 之间（小于 1 才能防止反复预警）');
  check(whole(s.tidal.calmMinutes, 0, 240), '/tidal/calmMinutes', '潮汐预警解除前的平稳时间应为 0–240 分钟的整数');
  check(whole(s.voice.repeat, 1, 5), '/voice/repeat', '叫号播报次数应为 1–5 的整数');
  check(whole(s.voice.elderlyRepeat, 1, 5), '/voice/elderlyRepeat', '老年人叫号播报次数应为 1–5 的整数');
  check(within(s.voice.rate, 0.5, 2), '/voice/rate', '播报语速应在 0.5–2 之间');
  check(within(s.voice.elderlyRate, 0.5, 2), '/voice/elderlyRate', '老年人播报语速应在 0.5–2 之间');
  check(within(s.voice.volume, 0, 1), '/voice/volume', '播报音量应在 0–1 之间');
  check(whole(s.notify.nearPlace, 1, 50), '/notify/nearPlace', '到号提醒的位次应为 1–50 的整数');
  check(typeof s.display.notice === 'string' && s.display.notice.length <= NOTICE_MAX_LENGTH, '/display/notice', `大厅显示屏滚动通知不超过 ${NOTICE_MAX_LENGTH} 字`);
  return issues;
}

/** {@link withDefaults} then {@link checkQueueSettings}; QUEUE_SETTINGS_INVALID listing every fault. */
export function assertQueueSettings(input: QueueSettingsInput): QueueSettings {
  const settings = withDefaults(input);
  const fields = checkQueueSettings(settings);
  if (fields.length > 0) throw new AppError('QUEUE_SETTINGS_INVALID', { message: fields.map((f) => f.message).join('；'), fields });
  return settings;
}

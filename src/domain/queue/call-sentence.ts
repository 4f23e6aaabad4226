/**
 * The sentence a call shows and speaks (DB36/T 2016 §5.2.2 显示屏, §6.4.2 窗口显示屏
 * 叫号信息, §5.2.2.1 适老化: 提供合理的叫号方式, 放慢语速、提高音量):
 *
 *     shown:  请A012号到5号窗口办理
 *     spoken: 请A零一二号到五号窗口办理
 *
 * The ticket number is read digit by digit, as it is printed (A012 → A零一二, not
 * "A十二"); the counter number is read as a number (05 → 五, 12 → 十二, 20 → 二十,
 * 101 → 一百零一), as people say it. Text is for `SpeechSynthesisUtterance` with
 * `lang = 'zh-CN'`, which would otherwise read "012" in English or as "twelve".
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Each digit as a Chinese numeral, everything else as is: `A012` → `A零一二`. */
export function readDigits(text: string): string {
  return text.replace(/\d/g, (d) => DIGITS[Number(d)]!);
}

/**
 * A whole number 0–9999 in Mandarin: 0 零, 10 十, 12 十二, 20 二十, 101 一百零一,
 * 110 一百一十, 1001 一千零一; larger numbers are read digit by digit.
 */
export function readNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`cannot read ${n}`);
  if (n > 9999) return readDigits(String(n));
  if (n === 0) return '零';
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += '零';
    zero = false;
    // 10–19 are 十, 十一 …, not 一十一.
    out += d === 1 && unit === '十' && i === 0 ? unit : DIGITS[d] + unit;
  });
  return out;
}

/**
 * A counter number as shown: digit runs without leading zeros, a trailing 号 or
 * 号窗口 dropped (`05` → `5`, `B03` → `B3`, `5号` → `5`).
 */
export function counterLabel(number: string): string {
  return number
    .trim()
    .replace(/号(窗口)?$/, '')
    .replace(/\d+/g, (run) => String(Number(run)));
}

/** A counter number as spoken: digit runs as numbers (`05` → `五`, `B12` → `B十二`). */
export function speakCounter(number: string): string {
  return counterLabel(number).replace(/\d+/g, (run) => readNumber(Number(run)));
}

export interface CallVoiceSettings {
  /** Times each call is spoken. */
  readonly repeat: number;
  /** SpeechSynthesisUtterance.rate, 1 = normal speed. */
  readonly rate: number;
  /** §5.2.2.1 elderly: spoken more often and more slowly. */
  readonly elderlyRepeat: number;
  readonly elderlyRate: number;
  /** 0–1. */
  readonly volume: number;
}

export const DEFAULT_CALL_VOICE: CallVoiceSettings = { repeat: 2, rate: 0.9, elderlyRepeat: 3, elderlyRate: 0.7, volume: 1 };

export interface CallAnnouncement {
  /** For displays: 请A012号到5号窗口办理. */
  readonly text: string;
  /** For speech synthesis (zh-CN). */
  readonly speech: string;
  readonly lang: 'zh-CN';
  readonly repeat: number;
  readonly rate: number;
  readonly volume: number;
}

/**
 * The call of `ticketNumber` to `counterNumber`. `recall` is the recall's ordinal (0 or
 * absent for the first call): a recall is announced as 再次呼叫, the last one allowed
 * (`recall === recallLimit`) as 最后一次呼叫. An elderly citizen's call (§5.2.2.1) is
 * spoken slower, more often, with pauses.
 */
export function callAnnouncement(input: {
  readonly ticketNumber: string;
  readonly counterNumber: string;
  readonly recall?: number;
  readonly recallLimit?: number;
  readonly elderly?: boolean;
  readonly voice?: CallVoiceSettings;
}): CallAnnouncement {
  const voice = input.voice ?? DEFAULT_CALL_VOICE;
  const recall = input.recall ?? 0;
  const lead = recall <= 0 ? '' : input.recallLimit !== undefined && recall >= input.recallLimit ? '最后一次呼叫' : '再次呼叫';
  const number = input.ticketNumber.trim();
  const text = `${lead ? `${lead}：` : ''}请${number}号到${counterLabel(input.counterNumber)}号窗口办理`;
  const pause = input.elderly ? '，' : '';
  const speech = `${lead ? `${lead}，` : ''}请${readDigits(number)}号${pause}到${speakCounter(input.counterNumber)}号窗口办理`;
  return {
    text,
    speech,
    lang: 'zh-CN',
    repeat: input.elderly ? voice.elderlyRepeat : voice.repeat,
    rate: input.elderly ? voice.elderlyRate : voice.rate,
    volume: voice.volume,
  };
}

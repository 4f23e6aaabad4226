/**
 * Spoken calls through the browser's speech synthesis (DB36/T 2016 §5.2.2 显示屏; §5.2.2.1
 * 适老化: 提供合理的叫号方式, 适当放慢语速). The server decides the words, how often and how
 * fast (`speech`, `repeat`, `rate` of `ticket.called`); this file only voices them, in
 * Mandarin, one call after another, and tells when the browser refuses to speak.
 *
 * Browsers speak only after a user gesture on the page; the hall asks for one click
 * ("点击开启语音播报") and asks again only when speaking is refused. A display that
 * restarts by itself should run its browser with autoplay allowed (Chrome:
 * `--autoplay-policy=no-user-gesture-required`), as the set-up screen says.
 */

export interface Announcement {
  /** zh-CN text, numbers already in words: 请A零一二号到五号窗口办理. */
  readonly speech: string;
  readonly repeat: number;
  readonly rate: number;
  /** 0–1; full volume when absent. */
  readonly volume?: number;
}

/** Browsers speak from 0.1 to 10; outside 0.5–2 Mandarin is no longer understood. */
const MIN_RATE = 0.5;
const MAX_RATE = 2;
/** A server that sends a silly repeat count must not block the hall's speaker. */
const MAX_REPEAT = 5;

function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}

/** A Mandarin voice of mainland China if the device has one (zh-CN, zh_CN, cmn-Hans-CN), else any Mandarin one. */
export function chooseVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const lang = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  const mainland = voices.filter((v) => ['zh-cn', 'cmn-hans-cn', 'cmn-cn'].includes(lang(v)));
  // A local voice keeps speaking when the network is down.
  const pick = mainland.find((v) => v.localService) ?? mainland[0];
  if (pick) return pick;
  return voices.find((v) => /^(zh|cmn)(-|$)/.test(lang(v)) && !/(hk|tw|yue)/.test(lang(v))) ?? null;
}

export function speechSupported(): boolean {
  return synth() !== null && typeof SpeechSynthesisUtterance !== 'undefined';
}

export class Announcer {
  private voice: SpeechSynthesisVoice | null = null;
  private readonly onBlocked: () => void;
  private readonly pickVoice = () => {
    const s = synth();
    if (s) this.voice = chooseVoice(s.getVoices());
  };

  /** `onBlocked` runs when the browser refuses to speak before a user gesture (autoplay policy). */
  constructor(onBlocked: () => void) {
    this.onBlocked = onBlocked;
    const s = synth();
    if (!s) return;
    this.pickVoice();
    // Chrome lists its voices only after a while.
    s.addEventListener('voiceschanged', this.pickVoice);
  }

  dispose(): void {
    synth()?.removeEventListener('voiceschanged', this.pickVoice);
  }

  /** Queues the call `repeat` times; calls made meanwhile wait their turn (the browser's queue). */
  announce(a: Announcement): void {
    const s = synth();
    if (!s || !speechSupported() || !a.speech.trim()) return;
    // Chrome sometimes leaves the queue paused after the tab was hidden.
    if (s.paused) s.resume();
    const times = Math.min(MAX_REPEAT, Math.max(1, Math.round(a.repeat || 1)));
    const rate = Math.min(MAX_RATE, Math.max(MIN_RATE, Number.isFinite(a.rate) && a.rate > 0 ? a.rate : 1));
    for (let i = 0; i < times; i++) {
      const u = new SpeechSynthesisUtterance(a.speech);
      u.lang = 'zh-CN';
      u.rate = rate;
      u.volume = Math.min(1, Math.max(0, a.volume ?? 1));
      if (this.voice) u.voice = this.voice;
      u.onerror = (event) => {
        if (event.error === 'not-allowed') this.onBlocked();
      };
      s.speak(u);
    }
  }

  /** A short spoken test, from the click that unlocks speech (the click is the user gesture). */
  unlock(): void {
    const s = synth();
    if (!s || !speechSupported()) return;
    s.cancel();
    const u = new SpeechSynthesisUtterance('语音播报已开启');
    u.lang = 'zh-CN';
    if (this.voice) u.voice = this.voice;
    s.speak(u);
  }
}

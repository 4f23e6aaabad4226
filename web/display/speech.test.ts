/**
 * The spoken call (DB36/T 2016 §5.2.2, §5.2.2.1): a Mandarin voice of mainland China is
 * chosen when present; each call is queued `repeat` times at the server's rate; a browser
 * that refuses to speak before a click is reported. With a scripted speechSynthesis.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Announcer, chooseVoice } from './speech.ts';

function voice(lang: string, name = lang, localService = true): SpeechSynthesisVoice {
  return { lang, name, localService, default: false, voiceURI: name };
}

class FakeUtterance {
  lang = '';
  rate = 1;
  volume = 1;
  voice: SpeechSynthesisVoice | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

class FakeSynth extends EventTarget {
  paused = false;
  spoken: FakeUtterance[] = [];
  voices: SpeechSynthesisVoice[] = [];
  refuse = false;
  getVoices() {
    return this.voices;
  }
  speak(u: FakeUtterance) {
    this.spoken.push(u);
    if (this.refuse) u.onerror?.({ error: 'not-allowed' });
  }
  cancel() {
    this.spoken = [];
  }
  resume() {
    this.paused = false;
  }
}

let synth: FakeSynth;

beforeEach(() => {
  synth = new FakeSynth();
  vi.stubGlobal('window', { speechSynthesis: synth });
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('chooseVoice', () => {
  it('prefers a local mainland Mandarin voice, whatever the spelling of its language', () => {
    expect(chooseVoice([voice('en-US'), voice('zh-TW'), voice('zh_CN', 'net', false), voice('zh-CN', 'local')])?.name).toBe('local');
    expect(chooseVoice([voice('en-US'), voice('cmn-Hans-CN', 'cmn')])?.name).toBe('cmn');
  });

  it('falls back to another Mandarin voice, never Cantonese or Taiwanese, else none', () => {
    expect(chooseVoice([voice('zh-HK'), voice('zh-TW'), voice('zh', 'zh')])?.name).toBe('zh');
    expect(chooseVoice([voice('zh-HK'), voice('en-GB')])).toBeNull();
    expect(chooseVoice([])).toBeNull();
  });
});

describe('Announcer', () => {
  it('speaks the server’s sentence in zh-CN, repeat times, at its rate and volume, with the Mandarin voice', () => {
    synth.voices = [voice('en-US'), voice('zh-CN', 'Mandarin')];
    const a = new Announcer(() => undefined);
    a.announce({ speech: '请A零一二号到五号窗口办理', repeat: 3, rate: 0.7, volume: 0.8 });
    expect(synth.spoken.map((u) => u.text)).toEqual(Array(3).fill('请A零一二号到五号窗口办理'));
    for (const u of synth.spoken) {
      expect(u.lang).toBe('zh-CN');
      expect(u.rate).toBe(0.7);
      expect(u.volume).toBe(0.8);
      expect(u.voice?.name).toBe('Mandarin');
    }
  });

  it('picks up voices listed late (Chrome)', () => {
    const a = new Announcer(() => undefined);
    synth.voices = [voice('zh-CN', 'late')];
    synth.dispatchEvent(new Event('voiceschanged'));
    a.announce({ speech: '请A零零一号到一号窗口办理', repeat: 1, rate: 1 });
    expect(synth.spoken[0]?.voice?.name).toBe('late');
  });

  it('keeps repeat and rate within what a hall can bear and understand', () => {
    const a = new Announcer(() => undefined);
    a.announce({ speech: 'x', repeat: 50, rate: 9 });
    expect(synth.spoken).toHaveLength(5);
    expect(synth.spoken[0]!.rate).toBe(2);
    synth.spoken = [];
    a.announce({ speech: 'x', repeat: 0, rate: 0 });
    expect(synth.spoken).toHaveLength(1);
    expect(synth.spoken[0]!.rate).toBe(1);
    synth.spoken = [];
    a.announce({ speech: '  ', repeat: 2, rate: 1 });
    expect(synth.spoken).toHaveLength(0);
  });

  it('reports a browser that refuses to speak before a click', () => {
    const blocked = vi.fn();
    const a = new Announcer(blocked);
    synth.refuse = true;
    a.announce({ speech: '请A零零一号到一号窗口办理', repeat: 2, rate: 1 });
    expect(blocked).toHaveBeenCalled();
  });

  it('does nothing where the browser has no speech synthesis', () => {
    vi.stubGlobal('window', {});
    const a = new Announcer(() => undefined);
    expect(() => a.announce({ speech: 'x', repeat: 1, rate: 1 })).not.toThrow();
  });
});

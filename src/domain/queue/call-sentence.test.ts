/** DB36/T 2016 §5.2.2 显示屏, §6.4.2 叫号信息, §5.2.2.1 合理的叫号方式: the sentence shown and spoken. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALL_VOICE, callAnnouncement, counterLabel, readDigits, readNumber, speakCounter } from './call-sentence.ts';
import { formatTicketNumber } from './numbering.ts';

describe('callAnnouncement', () => {
  it('请A012号到5号窗口办理, spoken with the digits in Mandarin', () => {
    expect(callAnnouncement({ ticketNumber: 'A012', counterNumber: '05' })).toEqual({
      text: '请A012号到5号窗口办理',
      speech: '请A零一二号到五号窗口办理',
      lang: 'zh-CN',
      repeat: DEFAULT_CALL_VOICE.repeat,
      rate: DEFAULT_CALL_VOICE.rate,
      volume: 1,
    });
    expect(callAnnouncement({ ticketNumber: 'B1000', counterNumber: '12' }).speech).toBe('请B一零零零号到十二号窗口办理');
  });

  it('recalls are announced as such, the last allowed one as the last', () => {
    expect(callAnnouncement({ ticketNumber: 'A012', counterNumber: '5', recall: 1, recallLimit: 2 })).toMatchObject({
      text: '再次呼叫：请A012号到5号窗口办理',
      speech: '再次呼叫，请A零一二号到五号窗口办理',
    });
    expect(callAnnouncement({ ticketNumber: 'A012', counterNumber: '5', recall: 2, recallLimit: 2 }).text).toBe('最后一次呼叫：请A012号到5号窗口办理');
    expect(callAnnouncement({ ticketNumber: 'A012', counterNumber: '5', recall: 2 }).text).toBe('再次呼叫：请A012号到5号窗口办理');
    expect(callAnnouncement({ ticketNumber: 'A012', counterNumber: '5', recall: 0 }).text).toBe('请A012号到5号窗口办理');
  });

  it('§5.2.2.1 elderly: slower, more often, with a pause; the text shown is the same', () => {
    const a = callAnnouncement({ ticketNumber: 'A012', counterNumber: '05', elderly: true });
    expect(a).toMatchObject({ text: '请A012号到5号窗口办理', speech: '请A零一二号，到五号窗口办理', repeat: 3, rate: 0.7 });
    expect(a.rate).toBeLessThan(DEFAULT_CALL_VOICE.rate);
    expect(a.repeat).toBeGreaterThan(DEFAULT_CALL_VOICE.repeat);
  });

  it('speech never carries an Arabic digit, for any ticket and counter number', () => {
    const bad: string[] = [];
    for (let c = 1; c <= 300; c++) {
      for (const s of [1, 10, 99, 100, 101, 999, 1000, 9999]) {
        const { speech } = callAnnouncement({ ticketNumber: formatTicketNumber('C', s), counterNumber: String(c).padStart(2, '0') });
        if (/\d/.test(speech)) bad.push(speech);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('reading numbers in Mandarin', () => {
  it('readNumber: as people say counter numbers', () => {
    const cases: [number, string][] = [
      [0, '零'], [1, '一'], [2, '二'], [9, '九'], [10, '十'], [11, '十一'], [12, '十二'], [19, '十九'], [20, '二十'], [21, '二十一'],
      [99, '九十九'], [100, '一百'], [101, '一百零一'], [110, '一百一十'], [111, '一百一十一'], [120, '一百二十'], [200, '二百'],
      [1000, '一千'], [1001, '一千零一'], [1010, '一千零一十'], [1100, '一千一百'], [2024, '二千零二十四'], [9999, '九千九百九十九'],
      [10000, '一零零零零'],
    ];
    expect(cases.map(([n]) => [n, readNumber(n)])).toEqual(cases);
    expect(() => readNumber(-1)).toThrow(RangeError);
    expect(() => readNumber(1.5)).toThrow(RangeError);
  });

  it('readDigits: digit by digit, letters kept', () => {
    expect(readDigits('A012')).toBe('A零一二');
    expect(readDigits('Z900')).toBe('Z九零零');
  });

  it('counterLabel and speakCounter: leading zeros and a trailing 号 dropped, letters kept', () => {
    const cases: [string, string, string][] = [
      ['05', '5', '五'],
      ['5', '5', '五'],
      ['12', '12', '十二'],
      ['020', '20', '二十'],
      ['B03', 'B3', 'B三'],
      ['5号', '5', '五'],
      ['12号窗口', '12', '十二'],
      [' 0 ', '0', '零'],
    ];
    expect(cases.map(([n]) => [n, counterLabel(n), speakCounter(n)])).toEqual(cases);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  chineseFormats,
  creditCode,
  creditCodeCheckChar,
  division,
  mobile,
  parseResidentId,
  residentId,
  residentIdCheckChar,
} from './formats/index.js';
import { validateData } from './validator.js';
import { forgetToday } from './formats/resident-id.js';

describe('every Chinese format descriptor', () => {
  it.each(chineseFormats.map((f) => [f.name, f] as const))('%s accepts its valid examples and rejects its invalid ones', (_, format) => {
    expect(format.examples.valid.filter((v) => !format.validate(v))).toEqual([]);
    expect(format.examples.invalid.filter((v) => format.validate(v))).toEqual([]);
  });

  it.each(chineseFormats.map((f) => [f.name, f] as const))('%s is registered with ajv under its name', (name, format) => {
    expect(validateData({ type: 'string', format: name }, format.examples.valid[0])).toEqual([]);
    expect(validateData({ type: 'string', format: name }, format.examples.invalid[0])).toMatchObject([
      { keyword: 'format', params: { format: name }, message: format.message },
    ]);
  });

  it.each(chineseFormats.map((f) => [f.name, f] as const))('%s answers false, never throws, for values that are not strings', (_, format) => {
    for (const value of [null, undefined, 110105, {}, [], true]) expect(format.validate(value as unknown as string)).toBe(false);
  });

  it('has a title, description and message in both locales', () => {
    for (const f of chineseFormats) {
      for (const t of [f.title, f.description, f.message]) {
        expect(t['zh-CN']).toMatch(/[\u4e00-\u9fa5]/);
        expect(t.en).toMatch(/^[\x20-\x7e–]+$/);
      }
    }
  });
});

describe('resident-id (GB 11643)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('computes the ISO 7064 MOD 11-2 check character of the well-known sample', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44030519900307123')).toBe('6');
  });

  it('reads birth date, sex and region from a valid number', () => {
    expect(parseResidentId('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: 'female', region: '110105' });
    expect(parseResidentId('440305199003071236')).toEqual({ birthDate: '1990-03-07', sex: 'male', region: '440305' });
  });

  it('accepts 29 February only in leap years, even with a correct check character', () => {
    const id = (first17: string) => first17 + residentIdCheckChar(first17);
    expect(residentId.validate(id('32010620000229001'))).toBe(true); // 2000 is a leap year
    expect(residentId.validate(id('32010619000229001'))).toBe(false); // 1900 is not
    expect(residentId.validate(id('32010620230229001'))).toBe(false);
    expect(residentId.validate(id('11010520230230001'))).toBe(false); // 30 February
    expect(residentId.validate(id('11010520231301001'))).toBe(false); // month 13
  });

  it('rejects birth dates before 1900 and after today (in China)', () => {
    vi.useFakeTimers();
    // 2024-06-01 02:00 in Beijing is still 31 May in UTC.
    vi.setSystemTime(new Date('2024-05-31T18:00:00Z'));
    forgetToday(); // the clock went back (from today to 2024)
    const id = (first17: string) => first17 + residentIdCheckChar(first17);
    expect(residentId.validate(id('11010520240601001'))).toBe(true);
    expect(residentId.validate(id('11010520240602001'))).toBe(false);
    expect(residentId.validate(id('11010518991231001'))).toBe(false);
    expect(residentId.validate(id('11010519000101001'))).toBe(true);
  });

  it('moves "today" at midnight in Beijing, not at midnight UTC', () => {
    vi.useFakeTimers();
    const id = `${'11010520240602001'}${residentIdCheckChar('11010520240602001')}`; // born 2 June 2024
    vi.setSystemTime(new Date('2024-06-01T15:59:59Z')); // 1 June, 23:59:59 in Beijing
    forgetToday();
    expect(residentId.validate(id)).toBe(false);
    vi.setSystemTime(new Date('2024-06-01T16:00:00Z')); // 2 June, 00:00 in Beijing
    expect(residentId.validate(id)).toBe(true);
  });

  it('needs a known province: mainland codes from the division list and the 81/82/83 residence permits', () => {
    const id = (first17: string) => first17 + residentIdCheckChar(first17);
    expect(residentId.validate(id('99010519491231002'))).toBe(false);
    expect(residentId.validate(id('20010519491231002'))).toBe(false);
    expect(residentId.validate(id('81000019800101001'))).toBe(true);
    expect(residentId.validate(id('83000019800101001'))).toBe(true);
    // An abolished county code still identifies its province: old numbers stay valid.
    expect(residentId.validate(id('51022119700101001'))).toBe(true);
  });

  it('rejects a wrong check character, a lower-case x, wrong lengths and non-digits', () => {
    for (const bad of ['110105194912310021', '11010519491231002x', '11010519491231002', '11010519491231002X0', '1101051949123100AX', ''])
      expect(residentId.validate(bad), bad).toBe(false);
    expect(parseResidentId('11010519491231002x')).toBeUndefined();
  });
});

describe('credit-code (GB 32100)', () => {
  it('computes the mod-31 check character of the standard example 91350100M000100Y43', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCode.validate('91350100M000100Y43')).toBe(true);
  });

  it('maps a remainder of 0 to the check character 0', () => {
    // Find a body whose weighted sum is a multiple of 31 by varying the last body character.
    const body = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((c) => `91110000MA0000000`.slice(0, 16) + c).find((b) => creditCodeCheckChar(b) === '0')!;
    expect(body).toBeDefined();
    expect(creditCode.validate(`${body}0`)).toBe(true);
  });

  it('rejects the letters I, O, Z, S, V, lower case, a non-digit division part and a wrong check character', () => {
    for (const bad of ['91350100M000100Y44', '91350100M000100I43', '91350100M000100O43', '91350100m000100y43', '9135010AM000100Y43', '91350100M000100Y4', ''])
      expect(creditCode.validate(bad), bad).toBe(false);
  });
});

describe('mobile', () => {
  it('accepts 11-digit numbers starting 13 to 19 and nothing else', () => {
    for (const good of ['13012345678', '14512345678', '15912345678', '17712345678', '18812345678', '19912345678'])
      expect(mobile.validate(good), good).toBe(true);
    for (const bad of ['10012345678', '11012345678', '12012345678', '1381234567', '138123456789', '+8613812345678', '138 1234 5678'])
      expect(mobile.validate(bad), bad).toBe(false);
  });
});

describe('division (GB/T 2260)', () => {
  it('accepts province, prefecture and county codes that exist', () => {
    for (const code of ['110000', '110100', '110105', '440300', '440305', '441900', '460400', '650100', '429004'])
      expect(division.validate(code), code).toBe(true);
  });

  it('rejects codes that do not exist, the wrong length, and HK/Macao/Taiwan (absent from the source list)', () => {
    for (const code of ['110199', '990000', '440399', '11010', '1101050', 'abcdef', '810000', '710000', ''])
      expect(division.validate(code), code).toBe(false);
  });
});

describe('resident-id and a clock that goes back', () => {
  afterEach(() => vi.useRealTimers());

  it('notices within 256 checks that the clock went back past a birth date', () => {
    vi.useFakeTimers();
    const id = (first17: string) => first17 + residentIdCheckChar(first17);
    const bornJune2 = id('11010520240602001');
    vi.setSystemTime(new Date('2024-06-10T00:00:00Z'));
    forgetToday();
    expect(residentId.validate(bornJune2)).toBe(true);
    vi.setSystemTime(new Date('2024-06-01T00:00:00Z')); // corrected back: 2 June is tomorrow now
    const answers = Array.from({ length: 256 }, () => residentId.validate(bornJune2));
    expect(answers.at(-1)).toBe(false);
    expect(answers.indexOf(false)).toBeGreaterThanOrEqual(0);
  });
});

import { caseNumber, parseCaseNumber } from './case-number';

describe('case numbers (案件编号)', () => {
  it('are the day of submission in China (UTC+8) and the id to six digits, and read back to both', () => {
    const at = new Date('2026-12-03T15:59:59.999Z'); // 23:59 on the 3rd in China
    expect(caseNumber(at, 123)).toBe('20261203-000123');
    expect(caseNumber(at, 1234567)).toBe('20261203-1234567');
    // 02:53 on the 6th in China is still the 5th in UTC: the number says the 6th, as the resident's clock does.
    expect(caseNumber(new Date('2026-12-05T18:53:00Z'), 9)).toBe('20261206-000009');
    expect(parseCaseNumber('20261203-000123')).toEqual({ id: 123, from: new Date('2026-12-02T16:00:00Z'), to: new Date('2026-12-03T16:00:00Z') });
    expect(parseCaseNumber('20261203-1234567')?.id).toBe(1234567);
  });

  it('name nothing when the text is not exactly a number the service writes', () => {
    for (const text of ['', '20261203-123', '20261203-0000123', '20261232-000123', '2026123-000123', '20261203_000123', ' 20261203-000123', "20261203-000123' OR 1=1"]) {
      expect(parseCaseNumber(text)).toBeNull();
    }
  });
});

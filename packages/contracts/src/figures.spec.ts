import { formatRate, isCalendarDate, periodContaining, periodDays, periodProblem } from './figures';

describe('figure periods (China-time dates)', () => {
  it('finds the week (Monday first), the 旬 and the month around a day', () => {
    expect(periodContaining('week', '2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-06' }); // a Sunday
    expect(periodContaining('week', '2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-13' }); // a Monday
    expect(periodContaining('xun', '2026-12-10')).toEqual({ from: '2026-12-01', to: '2026-12-10' });
    expect(periodContaining('xun', '2026-12-11')).toEqual({ from: '2026-12-11', to: '2026-12-20' });
    expect(periodContaining('xun', '2027-02-25')).toEqual({ from: '2027-02-21', to: '2027-02-28' });
    expect(periodContaining('month', '2028-02-03')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodContaining('day', '2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-07' });
  });

  it('refuses reversed, future and longer-than-a-year periods', () => {
    expect(periodProblem({ from: '2026-12-07', to: '2026-12-01' }, '2026-12-07')).toBe('reversed');
    expect(periodProblem({ from: '2026-12-08', to: '2026-12-09' }, '2026-12-07')).toBe('future');
    expect(periodProblem({ from: '2025-01-01', to: '2026-01-02' }, '2026-12-07')).toBe('too_long');
    expect(periodProblem({ from: '2025-12-07', to: '2026-12-07' }, '2026-12-07')).toBeNull();
    expect(periodDays({ from: '2026-12-01', to: '2026-12-31' })).toBe(31);
  });

  it('reads only real calendar dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
  });

  it('shows a rate as a percentage, or a dash when nothing was counted', () => {
    expect(formatRate({ numerator: 6, denominator: 7 })).toBe('85.7%');
    expect(formatRate({ numerator: 0, denominator: 0 })).toBe('—');
  });
});

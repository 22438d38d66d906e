import { OrgLevel } from '@jws/contracts';
import { endOfDay, lastEnded, recentPeriods, unitOfLevel } from './review-periods';

describe('review periods (会商调度, China time)', () => {
  it('gives stations weeks, branches 旬 and the city months, and communities none', () => {
    expect([OrgLevel.Station, OrgLevel.Branch, OrgLevel.City, OrgLevel.Community].map(unitOfLevel)).toEqual(['week', 'xun', 'month', null]);
  });

  it('lists the current period first, then the ones before it', () => {
    expect(recentPeriods('week', '2026-12-09', 3)).toEqual([
      { from: '2026-12-07', to: '2026-12-13' }, { from: '2026-11-30', to: '2026-12-06' }, { from: '2026-11-23', to: '2026-11-29' },
    ]);
    expect(recentPeriods('xun', '2026-03-05', 3)).toEqual([
      { from: '2026-03-01', to: '2026-03-10' }, { from: '2026-02-21', to: '2026-02-28' }, { from: '2026-02-11', to: '2026-02-20' },
    ]);
    expect(recentPeriods('month', '2026-01-15', 2)).toEqual([{ from: '2026-01-01', to: '2026-01-31' }, { from: '2025-12-01', to: '2025-12-31' }]);
  });

  it('finds the period that ended last, on its first day as on its last', () => {
    expect(lastEnded('week', '2026-12-07')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(lastEnded('week', '2026-12-13')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(lastEnded('xun', '2026-12-21')).toEqual({ from: '2026-12-11', to: '2026-12-20' });
    expect(lastEnded('month', '2026-03-01')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('makes a deadline fall due at the midnight China time after its day', () => {
    expect(endOfDay('2026-12-10').toISOString()).toBe('2026-12-10T16:00:00.000Z');
  });
});

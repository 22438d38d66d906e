import { rankOfficers, ranksOf } from './officer-ranking.service';

const row = (officerId: number, m: { minutes: number | null; resolved: [number, number]; rated: [number, number]; pushes: number; rewards: number }) => ({
  officerId, officerName: `民警${officerId}`, stationName: '天桥派出所', responseMinutes: m.minutes,
  resolution: { numerator: m.resolved[0], denominator: m.resolved[1] }, satisfaction: { numerator: m.rated[0], denominator: m.rated[1] },
  pushes: m.pushes, rewards: m.rewards,
});

describe('成绩突出社区民警 ranking', () => {
  it('ranks values best first, equal values sharing a rank, nothing counted last', () => {
    expect(ranksOf([3, 5, 5, null, 1])).toEqual([3, 1, 1, 5, 4]);
  });

  it('scores each officer by the sum of their five ranks and orders by it', () => {
    const rows = rankOfficers([
      row(1, { minutes: 30, resolved: [8, 10], rated: [4, 5], pushes: 20, rewards: 1 }),
      row(2, { minutes: 10, resolved: [9, 10], rated: [5, 5], pushes: 30, rewards: 2 }),
      row(3, { minutes: null, resolved: [0, 0], rated: [0, 0], pushes: 20, rewards: 0 }),
    ], new Set([2]));
    expect(rows.map((r) => [r.officerId, r.score, r.rank, r.honoured])).toEqual([[2, 5, 1, true], [1, 10, 2, false], [3, 14, 3, false]]);
    // Faster first response ranks higher; no response counted ranks last.
    expect(rows.find((r) => r.officerId === 1)?.ranks).toEqual({ responseMinutes: 2, resolution: 2, satisfaction: 2, pushes: 2, rewards: 2 });
    expect(rows.find((r) => r.officerId === 3)?.ranks).toEqual({ responseMinutes: 3, resolution: 3, satisfaction: 3, pushes: 2, rewards: 3 });
  });
});

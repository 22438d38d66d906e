import { rank } from './figures.service';

const row = (orgId: number, numerator: number, denominator: number) => ({ orgId, name: `单位${orgId}`, self: orgId === 2, numerator, denominator });

describe('ranking siblings by a rate', () => {
  it('puts the best ratio first, shares a rank between equal ratios, and leaves nodes with nothing counted last and unranked', () => {
    const ranked = rank([row(1, 1, 2), row(2, 3, 4), row(3, 0, 0), row(4, 2, 4), row(5, 9, 10)]);
    expect(ranked.map((r) => [r.orgId, r.rank])).toEqual([[5, 1], [2, 2], [1, 3], [4, 3], [3, null]]);
    expect(ranked.find((r) => r.self)?.orgId).toBe(2);
  });

  it('ranks a zero ratio above a node with no denominator', () => {
    expect(rank([row(1, 0, 0), row(2, 0, 3)]).map((r) => [r.orgId, r.rank])).toEqual([[2, 1], [1, null]]);
  });
});

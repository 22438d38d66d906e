import { MEMBER_COUNTS_TTL_MS, MemberCounts } from './member-counts';

describe('MemberCounts', () => {
  const count = (memberCount: number, pendingCount = 0) => ({ memberCount, pendingCount });

  it('holds loaded counts for a few seconds and names the communities still to load', () => {
    const counts = new MemberCounts();
    counts.set(new Map([[1, count(280, 2)], [2, count(0)]]), counts.stamp(), 1_000);
    const { found, missing } = counts.get([1, 2, 3], 1_000 + MEMBER_COUNTS_TTL_MS - 1);
    expect([...found]).toEqual([[1, count(280, 2)], [2, count(0)]]);
    expect(missing).toEqual([3]);
    expect(counts.get([1], 1_000 + MEMBER_COUNTS_TTL_MS).missing).toEqual([1]);
  });

  it('forgets everything on a membership write, and does not keep a load that began before it', () => {
    const counts = new MemberCounts();
    counts.set(new Map([[1, count(280)]]), counts.stamp());
    const loadStarted = counts.stamp();
    counts.clear();
    expect(counts.get([1]).missing).toEqual([1]);
    // The load read the memberships before the write: what it found is not kept.
    counts.set(new Map([[1, count(280)]]), loadStarted);
    expect(counts.get([1]).missing).toEqual([1]);
    counts.set(new Map([[1, count(281)]]), counts.stamp());
    expect(counts.get([1]).found.get(1)).toEqual(count(281));
  });
});

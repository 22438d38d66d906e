import { Role } from '@jws/contracts';
import { CallerCache } from './caller-cache';
import { UserEntity } from './data/user.entity';

const user = (id: number) => Object.assign(new UserEntity(), { id, role: Role.Resident, isInformant: false, disabled: false });

describe('caller cache', () => {
  it('remembers a user for a few seconds only', () => {
    const cache = new CallerCache();
    cache.set(user(1), '/1/', cache.stamp(), 1_000);
    expect(cache.get(1, 5_999)?.orgPath).toBe('/1/');
    expect(cache.get(1, 6_000)).toBeNull();
  });

  it('forgets a user at once when their permissions change', () => {
    const cache = new CallerCache();
    cache.set(user(2), null, cache.stamp(), 0);
    cache.invalidate(2);
    expect(cache.get(2, 1)).toBeNull();
  });

  it('does not keep a load that began before an invalidation: it may hold what the change undid', () => {
    const cache = new CallerCache();
    const seen: number[] = [];
    cache.onInvalidate((id) => seen.push(id));
    const stamp = cache.stamp();
    cache.invalidate(3); // e.g. a logout, while the guard was still reading the user row
    expect(cache.set(user(3), null, stamp, 0).user.id).toBe(3);
    expect(cache.get(3, 1)).toBeNull();
    cache.set(user(3), null, cache.stamp(), 0);
    expect(cache.get(3, 1)).not.toBeNull();
    expect(seen).toEqual([3]);
  });
});

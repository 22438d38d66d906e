import { Role } from '@jws/contracts';
import { CallerCache } from './caller-cache';
import { UserEntity } from './user.entity';

const user = (id: number) => Object.assign(new UserEntity(), { id, role: Role.Resident, isInformant: false, disabled: false });

describe('caller cache', () => {
  it('remembers a user for a few seconds only', () => {
    const cache = new CallerCache();
    cache.set(user(1), '/1/', 1_000);
    expect(cache.get(1, 5_999)?.orgPath).toBe('/1/');
    expect(cache.get(1, 6_000)).toBeNull();
  });

  it('forgets a user at once when their permissions change', () => {
    const cache = new CallerCache();
    cache.set(user(2), null, 0);
    cache.invalidate(2);
    expect(cache.get(2, 1)).toBeNull();
  });
});

import type { SharedRedis } from '../common/redis';
import { CommunityListVersion } from './community-list-version';

/** The few commands CommunityListVersion sends, on a Map; `status` as ioredis reports it. */
function fakeRedis(store = new Map<string, string>()) {
  const client = {
    status: 'ready',
    failing: false,
    async get(key: string) {
      if (client.failing) throw new Error('Connection is closed.');
      return store.get(key) ?? null;
    },
    async set(key: string, value: string, nx?: 'NX') {
      if (client.failing) throw new Error('Connection is closed.');
      if (nx && store.has(key)) return null;
      store.set(key, value);
      return 'OK';
    },
  };
  return { client, store, shared: { client } as unknown as SharedRedis };
}

describe('CommunityListVersion', () => {
  it('changes on every write of this instance, without Redis', async () => {
    const lists = new CommunityListVersion();
    const before = await lists.current();
    await lists.writing(async () => undefined);
    expect(await lists.current()).not.toBe(before);
  });

  it('changes on every instance when one of them writes, through Redis', async () => {
    const { shared } = fakeRedis();
    const [a, b] = [new CommunityListVersion(shared), new CommunityListVersion(shared)];
    const seenByB = await b.current();
    await a.writing(async () => undefined);
    expect(await b.current()).not.toBe(seenByB);
  });

  it('never comes back to a version held before Redis lost its keys', async () => {
    const { shared, store } = fakeRedis();
    const lists = new CommunityListVersion(shared);
    const first = await lists.current();
    store.clear(); // Redis restarted
    expect(await lists.current()).not.toBe(first);
  });

  it('is unknown (read the database) while Redis reconnects or fails, and counts the write anyway', async () => {
    const { shared, client } = fakeRedis();
    const lists = new CommunityListVersion(shared);
    const before = await lists.current();
    client.status = 'reconnecting';
    expect(await lists.current()).toBeNull();
    client.status = 'ready';
    client.failing = true;
    expect(await lists.current()).toBeNull();
    await expect(lists.writing(async () => 'written')).resolves.toBe('written');
    client.failing = false;
    // Redis was not told, but this instance's own write still voids its pages.
    expect(await lists.current()).not.toBe(before);
  });
});

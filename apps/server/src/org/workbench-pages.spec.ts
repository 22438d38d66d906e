import type { Page, WorkbenchCommunity } from '@jws/contracts';
import { CommunityListVersion } from './community-list-version';
import { WORKBENCH_PAGES_TTL_MS, WorkbenchPages } from './workbench-pages';

/** A page whose only item says how many members the load counted. */
const pageCounting = (memberCount: number): Page<WorkbenchCommunity> => ({
  items: [{ id: 1, name: '胜利社区', stationId: 2, stationName: '天桥派出所', branchName: '蚌山分局', officer: null, groupName: null, memberCount, pendingCount: 0 }],
  total: 1, page: 1, pageSize: 20,
});
const members = (page: Page<WorkbenchCommunity>) => page.items[0].memberCount;

describe('WorkbenchPages', () => {
  let clock: number;
  const now = () => clock;
  beforeEach(() => (clock = 1_000));

  it('answers a page it loaded for a few seconds, then loads it again', async () => {
    const pages = new WorkbenchPages(new CommunityListVersion());
    let counted = 280;
    const load = async () => pageCounting(counted);
    expect(members(await pages.get('city', load, now))).toBe(280);
    counted = 281; // written by hand in the database: not seen until the page expires
    clock += WORKBENCH_PAGES_TTL_MS - 1;
    expect(members(await pages.get('city', load, now))).toBe(280);
    clock += 1;
    expect(members(await pages.get('city', load, now))).toBe(281);
  });

  it('shows a membership written through the service on the next read', async () => {
    const lists = new CommunityListVersion();
    const pages = new WorkbenchPages(lists);
    let counted = 280;
    const load = async () => pageCounting(counted);
    await pages.get('city', load, now);
    await lists.writing(async () => (counted = 281));
    expect(members(await pages.get('city', load, now))).toBe(281);
  });

  it('does not answer, after a write, what a load read before the write committed', async () => {
    const lists = new CommunityListVersion();
    const pages = new WorkbenchPages(lists);
    let release: () => void = () => undefined;
    const slow = pages.get('city', () => new Promise((resolve) => (release = () => resolve(pageCounting(280)))), now);
    await new Promise((r) => setImmediate(r));
    await lists.writing(async () => undefined); // the join request commits while the load is on its way
    release();
    expect(members(await slow)).toBe(280);
    expect(members(await pages.get('city', async () => pageCounting(281), now))).toBe(281);
  });

  it('loads a page asked for by many at once a single time, and each scope and query on its own', async () => {
    const pages = new WorkbenchPages(new CommunityListVersion());
    let loads = 0;
    const load = async () => pageCounting(++loads);
    const answers = await Promise.all(Array.from({ length: 50 }, () => pages.get('city', load, now)));
    expect(new Set(answers.map(members))).toEqual(new Set([1]));
    expect(members(await pages.get('officer:7', load, now))).toBe(2);
  });

  it('reads the database every time while the version cannot be known (Redis unreachable)', async () => {
    const unknown = { current: async () => null } as unknown as CommunityListVersion;
    const pages = new WorkbenchPages(unknown);
    let loads = 0;
    const load = async () => pageCounting(++loads);
    await pages.get('city', load, now);
    expect(members(await pages.get('city', load, now))).toBe(2);
  });
});

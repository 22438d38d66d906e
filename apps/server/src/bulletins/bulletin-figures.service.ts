import {
  BulletinFigures, BulletinKind, ErrorCode, Permission, PUSH_COUNT_OF, PushCounts, PushFigures,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { Rule } from '../access/access';
import { chinaDate } from '../common/china-time';
import type { FigureTarget, TimeRange } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { GroupsApi } from '../org';
import { BulletinsService } from './bulletins.service';
import { BulletinPushesRepository } from './data/bulletin-pushes.repository';
import { BulletinReadsRepository } from './data/bulletin-reads.repository';
import { SharesRepository } from './data/shares.repository';

/** A bulletin's figures are for staff who may read it (its readers in groups are not shown them). */
const FIGURES_RULE: Rule = [
  { relation: 'owner' },
  { relation: 'assignee', permission: Permission.BulletinReview },
  { relation: 'library', permission: Permission.BulletinPush },
  { permission: Permission.BulletinWithdraw, within: 'jurisdiction' },
];

/** One push into one group, as figures list it. */
export interface PushRecord {
  id: number;
  at: Date;
  title: string;
  groupName: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 366;

/** Figures: one bulletin's reach per group, and pushes × groups by kind and officer (docs/bulletins.md). */
@Injectable()
export class BulletinFiguresService {
  constructor(
    private readonly bulletins: BulletinsService,
    private readonly pushes: BulletinPushesRepository,
    private readonly reads: BulletinReadsRepository,
    private readonly groups: GroupsApi,
    private readonly shares: SharesRepository,
  ) {}

  /**
   * The pushes behind the city's 法治宣传 and 提醒告知 (pushes × groups, `PUSH_COUNT_OF`), in a
   * period, within a node of the tree or by one officer; 正气 pushes are in neither
   * (docs/bulletins.md, docs/figures.md). Only pushes whose time has come count.
   */
  async pushRecords(target: FigureTarget, range: TimeRange): Promise<Record<'legalPublicity' | 'reminders', PushRecord[]>> {
    const out: Record<'legalPublicity' | 'reminders', PushRecord[]> = { legalPublicity: [], reminders: [] };
    for (const row of await this.pushes.pushRecordsIn(target, range, new Date())) {
      const count = PUSH_COUNT_OF[row.kind as BulletinKind];
      if (count === 'legalPublicity' || count === 'reminders') out[count].push({ id: row.id, at: row.at, title: row.title, groupName: row.groupName });
    }
    return out;
  }

  /**
   * Every bulletin pushed in a period within a node (the 会商 packet, reviews/): its kind, the
   * groups it went to, their members and the readers among them.
   */
  async reach(target: FigureTarget, range: TimeRange): Promise<{ bulletinId: number; title: string; kind: string; groups: number; members: number; readers: number }[]> {
    const pushes = await this.pushes.pushRecordsIn(target, range, new Date());
    const byBulletin = new Map<number, { title: string; kind: string; groupIds: Set<number> }>();
    for (const p of pushes) {
      const b = byBulletin.get(p.bulletinId) ?? { title: p.title, kind: p.kind, groupIds: new Set<number>() };
      b.groupIds.add(p.groupId);
      byBulletin.set(p.bulletinId, b);
    }
    const out = [];
    for (const [bulletinId, b] of byBulletin) {
      const groupIds = [...b.groupIds];
      const readers = await this.reads.readers(bulletinId);
      const [members, reading] = await Promise.all([this.groups.memberCounts(groupIds), this.groups.membersAmong(groupIds, readers.map((r) => r.userId))]);
      const sum = (m: Map<number, number>) => groupIds.reduce((n, id) => n + (m.get(id) ?? 0), 0);
      out.push({ bulletinId, title: b.title, kind: b.kind, groups: groupIds.length, members: sum(members), readers: sum(reading) });
    }
    return out;
  }

  /**
   * Per group it went to: members reached, unique readers (members who read it, and whoever opened
   * it from a card in the WeChat group bound to the group), read rate and 有用; shares and card opens.
   */
  async ofBulletin(caller: Caller, id: number): Promise<BulletinFigures> {
    await this.bulletins.require(caller, id, FIGURES_RULE);
    const pushed = (await this.pushes.ofBulletin(id)).filter((p) => p.pushedAt.getTime() <= Date.now());
    const groupIds = pushed.map((p) => p.groupId);
    const readers = await this.reads.readers(id);
    const [members, reading, useful, cards] = await Promise.all([
      this.groups.memberCounts(groupIds),
      this.groups.membersAmong(groupIds, readers.map((r) => r.userId)),
      this.groups.membersAmong(groupIds, readers.filter((r) => r.useful).map((r) => r.userId)),
      this.shares.figuresOf(id),
    ]);
    // Card openers who are members already read it (an open marks read); the others add to the group's readers.
    const fromCards = new Map<number, { openers: number; outsiders: number }>();
    for (const groupId of groupIds) {
      const openers = cards.openersByGroup.get(groupId) ?? [];
      if (!openers.length) continue;
      const inGroup = (await this.groups.membersAmong([groupId], openers)).get(groupId) ?? 0;
      fromCards.set(groupId, { openers: openers.length, outsiders: openers.length - inGroup });
    }
    return {
      groups: pushed.map((p) => {
        const m = members.get(p.groupId) ?? 0;
        const card = fromCards.get(p.groupId) ?? { openers: 0, outsiders: 0 };
        const r = (reading.get(p.groupId) ?? 0) + card.outsiders;
        return {
          groupId: p.groupId, groupName: p.groupName, pushedAt: p.pushedAt.toISOString(), members: m, readers: r,
          readRate: m ? Math.min(1, r / m) : 0, useful: useful.get(p.groupId) ?? 0, cardOpens: card.openers,
        };
      }),
      readers: readers.length,
      useful: readers.filter((r) => r.useful).length,
      shares: cards.shares,
      cardOpens: cards.opens,
    };
  }

  /** Pushes × groups into the caller's groups on China days `from`..`to` (default: the last 30), by kind and by officer. */
  async pushCounts(caller: Caller, from?: string, to?: string): Promise<PushFigures> {
    const now = new Date();
    const end = to ?? chinaDate(now);
    const start = from ?? chinaDate(now.getTime() - 29 * 86_400_000);
    const span = (Date.parse(end) - Date.parse(start)) / 86_400_000;
    if (!DAY.test(start) || !DAY.test(end) || Number.isNaN(span) || span < 0 || span >= MAX_DAYS) {
      throw new DomainException(ErrorCode.ValidationFailed, ['请选择正确的起止日期（一年以内）']);
    }
    const groupIds = (await this.groups.inScope(caller.scope)).map((g) => g.id);
    const rows = await this.pushes.countsByPusher(groupIds, start, end, now);
    const zero = (): PushCounts => ({ legalPublicity: 0, reminders: 0, positive: 0 });
    const total = zero();
    const byOfficer = new Map<number, PushCounts & { officerId: number; officerName: string }>();
    for (const r of rows) {
      const key = PUSH_COUNT_OF[r.kind as BulletinKind];
      total[key] += r.pushes;
      const officer = byOfficer.get(r.pusherId) ?? { officerId: r.pusherId, officerName: r.pusherName, ...zero() };
      officer[key] += r.pushes;
      byOfficer.set(r.pusherId, officer);
    }
    return { from: start, to: end, ...total, byOfficer: [...byOfficer.values()] };
  }
}

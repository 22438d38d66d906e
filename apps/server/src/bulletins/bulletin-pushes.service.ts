import {
  BULLETIN_DAILY_QUOTA, BulletinFeedItem, BulletinKind, BulletinStatus, BulletinSummary, ErrorCode, Page, Permission, PushBulletinRequest,
  PushBulletinResponse, PushGroupView, PushResult,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Access } from '../access/access';
import { AuditAction, AuditService } from '../audit';
import { chinaDate, chinaDateTime, chinaMidnight } from '../common/china-time';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { GroupPlace, GroupsApi } from '../org';
import { ancestorPaths, GROUP_PUSH_RULE, PUSH_RULE, reviewedKinds } from './bulletin-rules';
import { BulletinSubscribeService } from './bulletin-subscribe.service';
import { BulletinNaming, withName } from './bulletin-naming';
import { BulletinsService } from './bulletins.service';
import { BulletinsRepository } from './data/bulletins.repository';
import { slotsFor } from './push-quota';
import { BulletinListsRepository, ListFilter } from './data/bulletin-lists.repository';
import { BulletinPushesRepository } from './data/bulletin-pushes.repository';

/** A scheduled push (定时推送) may be set at most this far ahead. */
const SCHEDULE_MAX_MS = 30 * 86_400_000;

/** The China day after `day`'s, at midnight: when a full group's next slot opens. */
const nextDayStart = (day: string): Date => new Date(chinaMidnight(day).getTime() + 86_400_000);

/** Pushing into groups with the daily quota, the residents' feed and the staff lists (docs/bulletins.md). */
@Injectable()
export class BulletinPushesService {
  constructor(
    private readonly bulletins: BulletinsService,
    private readonly pushes: BulletinPushesRepository,
    private readonly lists: BulletinListsRepository,
    private readonly groups: GroupsApi,
    private readonly naming: BulletinNaming,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly subscribe: BulletinSubscribeService,
    private readonly bulletinRows: BulletinsRepository,
  ) {}

  /**
   * Pushes an approved bulletin into groups, answering per group. Groups outside the caller's
   * jurisdiction answer not_found (each on record); when none is in it, the whole push is 404.
   * When no group took it because every one in scope is full: 429 PUSH_QUOTA_EXCEEDED naming the
   * group and when its next slot opens. `now` is the clock (the demo data pushes a week back).
   */
  async push(caller: Caller, id: number, input: PushBulletinRequest, now = new Date()): Promise<PushBulletinResponse> {
    const { bulletin } = await this.bulletins.require(caller, id, PUSH_RULE);
    const groupIds = [...new Set(input.groupIds)];
    const found = new Map((await this.groups.byIds(groupIds)).map((g) => [g.id, g]));
    const inScope: GroupPlace[] = [];
    const results = new Map<number, PushResult>();
    for (const groupId of groupIds) {
      try {
        inScope.push(await this.access.require(caller, { type: 'group', id: groupId }, found.get(groupId), (g) => ({ place: { path: g.path, officerId: g.officerId } }), GROUP_PUSH_RULE));
      } catch (err) {
        if (!(err instanceof DomainException && err.code === ErrorCode.NotFound)) throw err;
        results.set(groupId, { groupId, groupName: null, outcome: 'not_found' });
      }
    }
    if (!inScope.length) throw new DomainException(ErrorCode.NotFound);
    if (bulletin.status !== BulletinStatus.Approved || bulletin.approvedVersionId === null) throw new DomainException(ErrorCode.BulletinNotPushable);

    let at = now;
    if (input.at !== undefined) {
      at = new Date(input.at);
      if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime() || at.getTime() > now.getTime() + SCHEDULE_MAX_MS) {
        throw new DomainException(ErrorCode.PushTimeInvalid);
      }
    }
    const scheduled = at.getTime() > now.getTime();
    const day = chinaDate(at);
    // Every kind has the daily quota; a 辟谣 also the reserved urgent slot (push-quota.ts).
    const slots = slotsFor(bulletin.kind);
    for (const g of inScope) {
      const claim = await this.pushes.claimSlot({
        bulletinId: id, versionId: bulletin.approvedVersionId, groupId: g.id, day, pushedBy: caller.user.id, pushedAt: at, createdAt: now,
      }, slots);
      results.set(g.id, claim.outcome === 'pushed'
        ? { groupId: g.id, groupName: g.name, outcome: scheduled ? 'scheduled' : 'pushed', pushedAt: at.toISOString() }
        : claim.outcome === 'over_quota'
          ? { groupId: g.id, groupName: g.name, outcome: 'over_quota', nextSlotAt: nextDayStart(day).toISOString() }
          : { groupId: g.id, groupName: g.name, outcome: 'already_pushed' });
    }
    const answers = groupIds.map((g) => results.get(g)!);
    await this.audit.recordFor(caller, {
      action: AuditAction.BulletinPushed, targetType: 'bulletin', targetId: id,
      detail: answers.map((r) => `${r.groupId}:${r.outcome}`).join(',') + (scheduled ? ` at ${at.toISOString()}` : ''),
    });
    const reached = answers.filter((r) => r.outcome === 'pushed' || r.outcome === 'scheduled').map((r) => r.groupId);
    if (reached.length) {
      // 警务公告 subscribe messages to the members who accepted one, through the outbox, due when the push shows.
      const [version, names] = await Promise.all([this.bulletinRows.version(bulletin.approvedVersionId), this.lists.names(bulletin.authorId, bulletin.orgUnitId)]);
      await this.subscribe.enqueue(id, reached, at, { title: version?.title ?? '', kind: bulletin.kind, orgName: names.orgName });
    }
    const full = answers.filter((r) => r.outcome === 'over_quota');
    if (!answers.some((r) => r.outcome === 'pushed' || r.outcome === 'scheduled')) {
      if (full.length) {
        const first = full[0];
        throw new DomainException(
          ErrorCode.PushQuotaExceeded,
          full.map((r) => `${r.groupName}：${day}的${slots.length}次推送已用完，${chinaDateTime(new Date(r.nextSlotAt!))}后可再推送`),
          `「${first.groupName}」今天的${slots.length}次推送已用完，${chinaDateTime(new Date(first.nextSlotAt!))}后可再推送`,
        );
      }
      throw new DomainException(ErrorCode.BulletinAlreadyPushed);
    }
    return { results: answers };
  }

  /** Cancels a scheduled push (定时推送) before its time: the pusher's or a leader's over the group. Audited. */
  async cancelScheduled(caller: Caller, id: number, groupId: number): Promise<{ cancelled: true }> {
    await this.bulletins.require(caller, id, PUSH_RULE);
    const [group] = await this.groups.byIds([groupId]);
    await this.access.require(caller, { type: 'group', id: groupId }, group, (g) => ({ place: { path: g.path, officerId: g.officerId } }), GROUP_PUSH_RULE);
    if (!(await this.pushes.cancelScheduled(id, groupId, new Date()))) throw new DomainException(ErrorCode.BulletinStateInvalid, ['该推送已发出或不存在，不能取消'], '该推送已发出或不存在，不能取消');
    await this.subscribe.dropPending(id, groupId, new Date());
    await this.audit.recordFor(caller, { action: AuditAction.BulletinPushCancelled, targetType: 'bulletin', targetId: id, detail: `group ${groupId}` });
    return { cancelled: true };
  }

  /** The groups the caller may push to, with today's pushes. */
  async pushGroups(caller: Caller): Promise<PushGroupView[]> {
    const groups = await this.groups.inScope(caller.scope);
    const used = await this.pushes.usedOn(groups.map((g) => g.id), chinaDate(new Date()), BULLETIN_DAILY_QUOTA);
    return groups.map((g) => ({ id: g.id, name: g.name, kind: g.kind, usedToday: used.get(g.id) ?? 0, quota: BULLETIN_DAILY_QUOTA }));
  }

  /** The signed-in person's bulletins from their groups, newest first. */
  async feed(caller: Caller, kind: BulletinKind | undefined, page: number, pageSize: number): Promise<Page<BulletinFeedItem>> {
    const groupIds = await this.groups.groupIdsOfMember(caller.user.id);
    const { rows, total } = await this.lists.feed(groupIds, caller.user.id, new Date(), kind, page, pageSize);
    const names = await this.naming.agreedNames(rows.filter((r) => r.kind === BulletinKind.Positive).map((r) => r.id));
    return { items: rows.map((r) => ({ ...r, title: withName(r.title, names.get(r.id) ?? null), pushedAt: r.pushedAt.toISOString() })), total, page, pageSize };
  }

  /**
   * Staff lists, each in the caller's own scope: `mine` their own; `pending_review` their review
   * queue (oldest first); `approved` (the default) what they may push.
   */
  async list(caller: Caller, query: { status?: BulletinStatus; mine?: boolean }, page: number, pageSize: number): Promise<Page<BulletinSummary>> {
    const unitPath = await this.bulletins.unitPath(caller);
    const status = query.status ?? BulletinStatus.Approved;
    let filter: ListFilter | null;
    if (query.mine || (status !== BulletinStatus.PendingReview && status !== BulletinStatus.Approved)) {
      filter = { mine: caller.user.id, status: query.status };
    } else if (status === BulletinStatus.PendingReview) {
      filter = unitPath && caller.permissions.has(Permission.BulletinReview) ? { queue: { kinds: reviewedKinds(caller.roles), pathPrefix: unitPath } } : null;
    } else {
      filter = unitPath && caller.permissions.has(Permission.BulletinPush) ? { pushable: { ancestors: ancestorPaths(unitPath), below: unitPath } } : null;
    }
    if (!filter) return { items: [], total: 0, page, pageSize };
    const { rows, total } = await this.lists.summaries(filter, page, pageSize);
    return {
      items: rows.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString(), reviewDueAt: r.reviewDueAt?.toISOString() ?? null })),
      total, page, pageSize,
    };
  }
}

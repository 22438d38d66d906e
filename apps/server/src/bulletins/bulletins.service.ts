import {
  BULLETIN_REVIEW, BULLETIN_URGENT_REVIEW_MINUTES, BulletinBlock, BulletinContent, BulletinDetail, BulletinKind, BulletinStatus, bulletinContentProblems,
  ErrorCode, Permission, ReviewBulletinRequest, Role, writableKinds,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Access, type Rule } from '../access/access';
import { AuditAction, AuditService } from '../audit';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { GroupsApi } from '../org';
import { StoredImage, UploadsService } from '../uploads';
import { BulletinContentCheck, versionText } from './bulletin-content-check';
import { BulletinSubscribeService } from './bulletin-subscribe.service';
import {
  bulletinFacts, EDIT_RULE, EDITABLE, READ_RULE, REVIEW_RULE, SUBMITTABLE, WITHDRAW_RULE, WITHDRAWABLE,
} from './bulletin-rules';
import { blocksWithName, BulletinNaming, withName } from './bulletin-naming';
import { BulletinListsRepository } from './data/bulletin-lists.repository';
import { BulletinPushesRepository } from './data/bulletin-pushes.repository';
import { BulletinReadsRepository } from './data/bulletin-reads.repository';
import { BulletinChange, BulletinsRepository } from './data/bulletins.repository';
import type { BulletinEntity } from './data/bulletin.entity';
import { RumourReportsRepository } from './data/rumour-reports.repository';
import { RumourDebunkService } from './rumour-debunk.service';
import { parseStored as parse } from './stored-json';
import type { EntityManager } from 'typeorm';

/** A bulletin found for a caller, with the caller's org unit path and whether they read it as a group member. */
export interface Found {
  bulletin: BulletinEntity;
  unitPath: string | null;
  member: boolean;
  memberPushedAt: Date | null;
  /** The caller reported a rumour this (approved) 辟谣 refuted. */
  reporter: boolean;
}

/**
 * Writing, review and withdrawal of bulletins, and their detail page (docs/bulletins.md). Pushing
 * and the feeds are in bulletin-pushes.service.ts.
 */
@Injectable()
export class BulletinsService {
  constructor(
    private readonly bulletins: BulletinsRepository,
    private readonly lists: BulletinListsRepository,
    private readonly pushes: BulletinPushesRepository,
    private readonly reads: BulletinReadsRepository,
    private readonly db: Database,
    private readonly groups: GroupsApi,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly uploads: UploadsService,
    private readonly contentCheck: BulletinContentCheck,
    private readonly subscribe: BulletinSubscribeService,
    private readonly rumours: RumourReportsRepository,
    private readonly debunk: RumourDebunkService,
    private readonly naming: BulletinNaming,
  ) {}

  /** The caller's org unit path (null for people without one: residents). */
  async unitPath(caller: Caller): Promise<string | null> {
    return caller.user.orgUnitId ? ((await this.groups.unit(caller.user.orgUnitId))?.path ?? null) : null;
  }

  /** The bulletin when `rule` allows the caller; otherwise 404 on record. */
  async require(caller: Caller, id: number, rule: Rule): Promise<Found> {
    const bulletin = await this.bulletins.byId(id);
    const unitPath = await this.unitPath(caller);
    let reached: { pushedAt: Date }[] = [];
    let reporter = false;
    if (bulletin && caller.scope.kind === 'self') {
      reached = await this.pushes.groupsReached(bulletin.id, await this.groups.groupIdsOfMember(caller.user.id), new Date());
      reporter = bulletin.kind === BulletinKind.Rumour && !reached.length && (await this.rumours.refutedFor(bulletin.id, caller.user.id));
    }
    const found = await this.access.require(caller, { type: 'bulletin', id }, bulletin, (b) => bulletinFacts(caller, unitPath, b, reached.length > 0, reporter), rule);
    return { bulletin: found, unitPath, member: reached.length > 0, memberPushedAt: reached[0]?.pushedAt ?? null, reporter };
  }

  /** The bulletin's status, its row locked in the caller's transaction (linking rumours checks it is still editable). */
  async lockedStatus(id: number, manager: EntityManager): Promise<BulletinStatus | null> {
    return (await this.bulletins.byId(id, manager, true))?.status ?? null;
  }

  private checkContent(caller: Caller, content: BulletinContent): void {
    if (!writableKinds(caller.user.role).includes(content.kind)) throw new DomainException(ErrorCode.BulletinKindNotAllowed);
    const problems = bulletinContentProblems(content);
    if (problems.length) throw new DomainException(ErrorCode.ValidationFailed, problems);
  }

  async create(caller: Caller, content: BulletinContent): Promise<BulletinDetail> {
    this.checkContent(caller, content);
    const unit = caller.user.orgUnitId ? await this.groups.unit(caller.user.orgUnitId) : null;
    if (!unit) throw new DomainException(ErrorCode.Forbidden);
    const now = new Date();
    const id = await this.db.transaction(async (uow) => {
      const created = await this.bulletins.create(uow, {
        kind: content.kind, warningType: content.warningType ?? null, status: BulletinStatus.Draft, authorId: caller.user.id,
        orgUnitId: unit.id, orgPath: unit.path, urgent: isUrgent(content),
      }, content, now);
      // The author's own uploads, unused: otherwise nothing of the bulletin is written.
      await this.uploads.claimForBulletin(uow.manager, caller.user.id, content.imageIds ?? [], created);
      return created;
    });
    return this.detail(caller, id);
  }

  /** An edit: a new version. Under review or withdrawn it is refused; an approved bulletin goes back to review (if its kind has one). */
  async update(caller: Caller, id: number, content: BulletinContent): Promise<BulletinDetail> {
    const { bulletin } = await this.require(caller, id, EDIT_RULE);
    this.checkContent(caller, content);
    if (content.kind !== bulletin.kind) throw new DomainException(ErrorCode.ValidationFailed, ['公告类别不能修改，请新建一条']);
    const now = new Date();
    await this.db.transaction(async (uow) => {
      const locked = await this.bulletins.byId(id, uow.manager, true);
      if (!locked || !EDITABLE.includes(locked.status)) throw new DomainException(ErrorCode.BulletinNotEditable);
      const current = await this.bulletins.version(locked.versionId, uow.manager);
      const versionId = await this.bulletins.addVersion(uow, id, (current?.versionNo ?? 0) + 1, content, caller.user.id, now);
      const reviewed = BULLETIN_REVIEW[locked.kind] !== 'none';
      const change: BulletinChange = reviewed
        ? { versionId, status: locked.status === BulletinStatus.Approved ? BulletinStatus.Draft : locked.status }
        : { versionId, approvedVersionId: versionId, status: BulletinStatus.Approved };
      await this.bulletins.setKind(uow.manager, id, locked.kind, content.warningType ?? null, isUrgent(content));
      await this.uploads.claimForBulletin(uow.manager, caller.user.id, content.imageIds ?? [], id);
      if (!(await this.bulletins.change(uow.manager, id, EDITABLE, change, now))) throw new DomainException(ErrorCode.BulletinNotEditable);
    });
    return this.detail(caller, id);
  }

  /**
   * 提交审核: WeChat's content check first (bulletin-content-check.ts). Risky: held with the reason,
   * for the author to revise. Otherwise to the reviewer of its kind, marked with what the check said
   * (a kind without review is approved at once only when the check clearly passed). An urgent 预警
   * gets its review deadline.
   */
  async submit(caller: Caller, id: number): Promise<BulletinDetail> {
    const { bulletin } = await this.require(caller, id, EDIT_RULE);
    if (!SUBMITTABLE.includes(bulletin.status)) throw new DomainException(ErrorCode.BulletinStateInvalid);
    const version = await this.bulletins.version(bulletin.versionId);
    const text = versionText({
      title: version?.title ?? '', body: parse<BulletinBlock[]>(version?.body ?? '[]', []), legalBasis: version?.legalBasis ?? null, tags: parse<string[]>(version?.tags ?? '[]', []),
    });
    const check = await this.contentCheck.check(id, bulletin.authorId, text, parse<string[]>(version?.imageIds ?? '[]', []));
    const now = new Date();
    const due = new Date(now.getTime() + BULLETIN_URGENT_REVIEW_MINUTES * 60_000);
    await this.db.transaction(async (uow) => {
      let change: BulletinChange;
      if (check.verdict === 'risky') change = { status: BulletinStatus.Held, heldReason: check.reason, secCheck: null, submittedAt: now };
      else if (BULLETIN_REVIEW[bulletin.kind] !== 'none' || check.verdict !== 'pass') {
        change = { status: BulletinStatus.PendingReview, submittedAt: now, heldReason: null, secCheck: check.verdict };
        if (bulletin.urgent) Object.assign(change, { reviewDueAt: due, reviewNextCheckAt: due, reviewEscalation: 0 });
      } else change = { status: BulletinStatus.Approved, submittedAt: now, approvedVersionId: bulletin.versionId, heldReason: null, secCheck: check.verdict };
      // The version checked must still be the newest (an edit between the check and now is submitted again).
      const locked = await this.bulletins.byId(id, uow.manager, true);
      if (!locked || locked.versionId !== bulletin.versionId) throw new DomainException(ErrorCode.BulletinStateInvalid);
      if (!(await this.bulletins.change(uow.manager, id, SUBMITTABLE, change, now))) throw new DomainException(ErrorCode.BulletinStateInvalid);
      await this.audit.recordFor(caller, check.verdict === 'risky'
        ? { action: AuditAction.BulletinHeld, targetType: 'bulletin', targetId: id, detail: check.reason }
        : { action: AuditAction.BulletinSubmitted, targetType: 'bulletin', targetId: id, detail: `${change.status === BulletinStatus.Approved ? 'no review needed: approved' : 'to review'}; content check: ${check.verdict}` }, uow.manager);
    });
    return this.detail(caller, id);
  }

  /** 审核: approve the current version, or return it with a comment. Audited. */
  async review(caller: Caller, id: number, input: ReviewBulletinRequest): Promise<BulletinDetail> {
    const { bulletin } = await this.require(caller, id, REVIEW_RULE);
    const comment = input.comment?.trim() || null;
    if (input.decision === 'return' && !comment) throw new DomainException(ErrorCode.ValidationFailed, ['请填写退回意见']);
    const now = new Date();
    let debunkGroups: number[] = [];
    await this.db.transaction(async (uow) => {
      const change: BulletinChange = input.decision === 'approve'
        ? { status: BulletinStatus.Approved, approvedVersionId: bulletin.versionId, reviewedBy: caller.user.id, reviewedAt: now, reviewComment: comment, reviewNextCheckAt: null }
        : { status: BulletinStatus.Returned, reviewedBy: caller.user.id, reviewedAt: now, reviewComment: comment, reviewNextCheckAt: null };
      const current = await this.bulletins.byId(id, uow.manager, true);
      // The version decided must be the one the reviewer read (no edit can slip in: under review is not editable).
      if (!current || current.versionId !== bulletin.versionId) throw new DomainException(ErrorCode.BulletinStateInvalid);
      if (!(await this.bulletins.change(uow.manager, id, [BulletinStatus.PendingReview], change, now))) throw new DomainException(ErrorCode.BulletinStateInvalid);
      await this.audit.recordFor(caller, {
        action: AuditAction.BulletinReviewed, targetType: 'bulletin', targetId: id,
        detail: `${input.decision} v${await this.bulletins.versionNo(bulletin.versionId)}${comment ? `: ${comment}` : ''}`,
      }, uow.manager);
      if (input.decision === 'approve') {
        const title = (await this.bulletins.version(bulletin.versionId, uow.manager))?.title ?? '';
        debunkGroups = await this.debunk.onApproved(caller, bulletin, title, uow.manager, now);
      }
    });
    // A 辟谣 goes into the groups its rumours were seen in (docs/bulletins.md "Rumours").
    await this.debunk.pushToGroups(caller, bulletin, bulletin.versionId, debunkGroups, now);
    return this.detail(caller, id);
  }

  /** 撤回: it leaves every feed; an old link shows 已撤回. Audited with the reason. */
  async withdraw(caller: Caller, id: number, reason: string): Promise<BulletinDetail> {
    await this.require(caller, id, WITHDRAW_RULE);
    const now = new Date();
    await this.db.transaction(async (uow) => {
      const change: BulletinChange = { status: BulletinStatus.Withdrawn, withdrawnBy: caller.user.id, withdrawnAt: now, withdrawReason: reason.trim(), reviewNextCheckAt: null };
      if (!(await this.bulletins.change(uow.manager, id, WITHDRAWABLE, change, now))) throw new DomainException(ErrorCode.BulletinStateInvalid);
      await this.audit.recordFor(caller, { action: AuditAction.BulletinWithdrawn, targetType: 'bulletin', targetId: id, detail: reason.trim() }, uow.manager);
    });
    // Subscribe messages not sent yet stay unsent (and their subscriptions are given back).
    await this.subscribe.dropPending(id, null);
    return this.detail(caller, id);
  }

  /** One of the bulletin's images, for whoever may read the bulletin (not once withdrawn, for its readers). */
  async image(caller: Caller, id: number, imageId: string): Promise<StoredImage> {
    const found = await this.require(caller, id, READ_RULE);
    if (found.bulletin.status === BulletinStatus.Withdrawn && !this.isEditor(caller, found)) throw new DomainException(ErrorCode.NotFound);
    return this.uploads.readBulletinImage(id, imageId);
  }

  private isEditor(caller: Caller, found: Found): boolean {
    const b = found.bulletin;
    const relations = new Set(bulletinFacts(caller, found.unitPath, b, found.member).relations);
    return relations.has('owner') || relations.has('assignee') || (caller.permissions.has(Permission.BulletinWithdraw) && caller.scope.kind === 'subtree' && b.orgPath.startsWith(caller.scope.pathPrefix));
  }

  async markRead(caller: Caller, id: number): Promise<{ read: true }> {
    await this.require(caller, id, READ_RULE);
    await this.reads.markRead(id, caller.user.id, new Date());
    return { read: true };
  }

  async markUseful(caller: Caller, id: number): Promise<{ useful: true; usefulCount: number }> {
    const { bulletin } = await this.require(caller, id, READ_RULE);
    if (bulletin.status === BulletinStatus.Withdrawn) throw new DomainException(ErrorCode.BulletinStateInvalid);
    return { useful: true, usefulCount: await this.reads.markUseful(id, caller.user.id, new Date()) };
  }

  /**
   * The detail page. Its author, reviewer and leaders read the newest version; readers in groups
   * and pushing officers read the approved one. Once withdrawn, readers see 已撤回 and no text.
   */
  async detail(caller: Caller, id: number): Promise<BulletinDetail> {
    const found = await this.require(caller, id, READ_RULE);
    const b = found.bulletin;
    const facts = bulletinFacts(caller, found.unitPath, b, found.member, found.reporter);
    const relations = new Set(facts.relations);
    const editor = this.isEditor(caller, found);
    const withdrawn = b.status === BulletinStatus.Withdrawn;
    const hidden = withdrawn && !editor;
    const versionId = editor ? b.versionId : (b.approvedVersionId ?? b.versionId);
    const [version, names, mine, pushes] = await Promise.all([
      this.bulletins.version(versionId), this.lists.names(b.authorId, b.orgUnitId), this.reads.of(id, caller.user.id),
      caller.scope.kind === 'self' ? Promise.resolve([]) : this.pushes.ofBulletin(id),
    ]);
    const staffPushedAt = pushes[0]?.pushedAt ?? null;
    const imageIds = hidden ? [] : parse<string[]>(version?.imageIds ?? '[]', []);
    const pushable = relations.has('library') && caller.permissions.has(Permission.BulletinPush) && b.status === BulletinStatus.Approved;
    // 正气: 某居民 reads as the resident's name only once they agreed (bulletin-naming.ts).
    const named = b.naming === 'agreed' ? ((await this.naming.agreedNames([b.id])).get(b.id) ?? null) : null;
    return {
      id: b.id,
      status: b.status,
      kind: b.kind,
      warningType: b.warningType,
      title: hidden ? '' : withName(version?.title ?? '', named),
      body: hidden ? [] : blocksWithName(parse<BulletinBlock[]>(version?.body ?? '[]', []), named),
      imageIds,
      imageUrls: imageIds.map((imageId) => `/api/bulletins/${b.id}/images/${imageId}`),
      legalBasis: hidden ? null : (version?.legalBasis ?? null),
      tags: hidden ? [] : parse<string[]>(version?.tags ?? '[]', []),
      version: version?.versionNo ?? 0,
      urgent: b.urgent,
      reviewDueAt: b.status === BulletinStatus.PendingReview ? (b.reviewDueAt?.toISOString() ?? null) : null,
      heldReason: b.status === BulletinStatus.Held && editor ? b.heldReason : null,
      secCheck: editor ? b.secCheck : null,
      authorName: caller.roles.includes(Role.Resident) ? '' : names.authorName,
      orgName: names.orgName,
      pushedAt: (found.memberPushedAt ?? staffPushedAt)?.toISOString() ?? null,
      usefulCount: b.usefulCount,
      useful: mine.useful,
      read: mine.read,
      reviewComment: editor ? b.reviewComment : null,
      withdrawnAt: b.withdrawnAt?.toISOString() ?? null,
      withdrawReason: editor ? b.withdrawReason : null,
      can: {
        edit: relations.has('owner') && EDITABLE.includes(b.status),
        submit: relations.has('owner') && SUBMITTABLE.includes(b.status),
        review: relations.has('assignee') && b.status === BulletinStatus.PendingReview,
        push: pushable,
        withdraw: !withdrawn && (relations.has('owner') || (caller.permissions.has(Permission.BulletinWithdraw) && caller.scope.kind === 'subtree' && b.orgPath.startsWith(caller.scope.pathPrefix))),
      },
      pushes: pushes.map((p) => ({ groupId: p.groupId, groupName: p.groupName, pushedAt: p.pushedAt.toISOString(), version: p.version })),
    };
  }
}

/** An urgent 预警 (only 预警 may be urgent). */
function isUrgent(content: BulletinContent): boolean {
  return content.kind === BulletinKind.Warning && content.urgent === true;
}

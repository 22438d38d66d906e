import {
  Anonymity, CaseStatus, DecideRewardRequest, ErrorCode, GroupKind, NotificationLink, Page, Permission, ProposeRewardRequest, REWARD_DEED_MAX,
  REWARD_FORMS, REWARD_REASON_MAX, rewardAmountProblem, RewardStatus, RewardView, Role,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Access, covers, Rule } from '../access/access';
import { AuditAction, AuditService } from '../audit';
import { BulletinNaming, BulletinsService } from '../bulletins';
import { CasesApi } from '../cases';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { NotificationsService } from '../notifications';
import { GroupsApi, leadersOf } from '../org';
import type { RewardEntity } from './data/reward.entity';
import { RewardListScope, RewardsRepository } from './data/rewards.repository';
import { RewardViews } from './reward-views';

/** Who reads a reward: its proposer, leaders who propose or decide in its place, and the resident once it is approved. */
const READ_RULE: Rule = [
  { relation: 'assignee', permission: Permission.RewardPropose },
  { permission: Permission.RewardPropose, within: 'jurisdiction' },
  { permission: Permission.RewardDecide, within: 'jurisdiction' },
  { relation: 'owner' },
];
const DECIDE_RULE: Rule = [{ permission: Permission.RewardDecide, within: 'jurisdiction' }];
const CONSENT_RULE: Rule = [{ relation: 'owner' }];
/** A 正气 bulletin an officer may reward: their own, or one of their line they may push. */
const BULLETIN_DEED_RULE: Rule = [{ relation: 'owner' }, { relation: 'library', permission: Permission.BulletinPush }];

const yuan = (cents: number | null) => (cents === null ? '' : `${(cents / 100).toFixed(2).replace(/\.00$/, '')}元`);

/** The deed a proposal is for: whose it is, where, and its one-reward key. */
interface Deed {
  key: string;
  deedType: 'case' | 'bulletin';
  caseId: number | null;
  bulletinId: number | null;
  residentId: number;
  communityId: number;
  orgPath: string;
}

/**
 * 一事一奖 (docs/rewards.md): an officer proposes a reward for a resident's deed (a report, or a
 * 正气 bulletin about them); the station leader approves or refuses; the resident is told, and for
 * a 正气 bulletin agrees or not to be named in it. One deed, one reward: the unique deed key.
 */
@Injectable()
export class RewardsService {
  constructor(
    private readonly repo: RewardsRepository,
    private readonly views: RewardViews,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly cases: CasesApi,
    private readonly bulletins: BulletinsService,
    private readonly naming: BulletinNaming,
    private readonly groups: GroupsApi,
    private readonly notifications: NotificationsService,
    private readonly db: Database,
  ) {}

  private static problems(dto: ProposeRewardRequest): string[] {
    const out: string[] = [];
    if (!REWARD_FORMS[dto.kind]?.includes(dto.form)) out.push(`奖励形式应为：${(REWARD_FORMS[dto.kind] ?? []).join('、')}`);
    const amount = rewardAmountProblem(dto.kind, dto.amountYuan);
    if (amount) out.push(amount);
    const deed = dto.deed?.trim() ?? '';
    if (!deed || deed.length > REWARD_DEED_MAX) out.push(`请用1至${REWARD_DEED_MAX}字写明居民的事迹`);
    if ((dto.caseId === undefined) === (dto.bulletinId === undefined)) out.push('请选择一条上报或一条正气公告作为奖励的事由');
    if (dto.bulletinId !== undefined && dto.residentId === undefined) out.push('请选择受奖励的居民');
    return out;
  }

  private async deed(caller: Caller, dto: ProposeRewardRequest): Promise<Deed> {
    if (dto.caseId !== undefined) {
      const c = await this.cases.requireCase(caller, dto.caseId, Permission.RewardPropose);
      if (!c.reporterId || c.anonymity !== Anonymity.None) throw new DomainException(ErrorCode.RewardDeedInvalid, ['匿名或保密的上报不能发起奖励']);
      if (c.status === CaseStatus.Rejected || c.status === CaseStatus.Duplicate) throw new DomainException(ErrorCode.RewardDeedInvalid, ['不予受理或重复的上报不能发起奖励']);
      return { key: `case:${c.id}`, deedType: 'case', caseId: c.id, bulletinId: null, residentId: c.reporterId, communityId: c.communityId, orgPath: c.orgPath };
    }
    const bulletinId = dto.bulletinId as number;
    await this.bulletins.require(caller, bulletinId, BULLETIN_DEED_RULE);
    if (!BulletinNaming.isDeed((await this.naming.rows([bulletinId])).get(bulletinId))) {
      throw new DomainException(ErrorCode.RewardDeedInvalid, ['只有审核通过的正气公告可以发起奖励']);
    }
    // The resident: a member of a community group of the caller's jurisdiction; anyone else answers as not found.
    const residentId = dto.residentId as number;
    const groups = await this.groups.byIds(await this.groups.groupIdsOfMember(residentId));
    const group = groups.find((g) => g.kind === GroupKind.Community && covers(caller.scope, g));
    if (!group) return this.access.refuse(caller, { type: 'user', id: residentId });
    const communityId = Number(group.path.split('/').filter(Boolean).pop());
    return { key: `bulletin:${bulletinId}`, deedType: 'bulletin', caseId: null, bulletinId, residentId, communityId, orgPath: group.path };
  }

  async propose(caller: Caller, dto: ProposeRewardRequest): Promise<RewardView> {
    const problems = RewardsService.problems(dto);
    if (problems.length) throw new DomainException(ErrorCode.ValidationFailed, problems);
    const deed = await this.deed(caller, dto);
    const now = new Date();
    const amountCents = dto.kind === 'material' ? Math.round((dto.amountYuan as number) * 100) : null;
    const id = await this.db.transaction(async (uow) => {
      const made = await this.repo.insert(uow.manager, {
        deedKey: deed.key, deedType: deed.deedType, caseId: deed.caseId, bulletinId: deed.bulletinId, residentId: deed.residentId,
        communityId: deed.communityId, orgPath: deed.orgPath, kind: dto.kind, form: dto.form, amountCents, deed: dto.deed.trim(),
        status: 'proposed', proposedBy: caller.user.id, proposedAt: now, decidedBy: null, decidedAt: null, refusalReason: null,
      });
      if (made === null) throw new DomainException(ErrorCode.RewardDeedTaken);
      await this.audit.recordFor(caller, { action: AuditAction.RewardProposed, targetType: 'reward', targetId: made, detail: deed.key }, uow.manager);
      const leaders = (await leadersOf(uow.manager, deed.orgPath, [Role.StationLeader])).filter((u) => u !== caller.user.id);
      if (leaders.length) {
        await this.notifications.notify(uow.manager, leaders, {
          title: '新的一事一奖待审批', body: `${dto.form}${yuan(amountCents)}：${dto.deed.trim()}`.slice(0, 200), caseId: null,
        }, `reward-proposed:${made}`);
      }
      return made;
    });
    return this.detail(caller, id);
  }

  private async require(caller: Caller, id: number, rule: Rule): Promise<RewardEntity> {
    const found = await this.repo.byId(id);
    return this.access.require(caller, { type: 'reward', id }, found, (r) => ({
      place: { path: r.orgPath, officerId: null },
      // The resident's own reward, once approved (a proposal or a refusal is the station's business); the officer who proposed it.
      relations: [
        ...(r.residentId === caller.user.id && r.status === 'approved' ? ['owner' as const] : []),
        ...(r.proposedBy === caller.user.id ? ['assignee' as const] : []),
      ],
    }), rule);
  }

  async detail(caller: Caller, id: number): Promise<RewardView> {
    return (await this.views.of(caller, [await this.require(caller, id, READ_RULE)]))[0];
  }

  /** 审批: approve (the resident is told; a 正气 bulletin then names them, pending their consent) or refuse with a reason (the deed is free again). */
  async decide(caller: Caller, id: number, dto: DecideRewardRequest): Promise<RewardView> {
    const reward = await this.require(caller, id, DECIDE_RULE);
    const reason = dto.reason?.trim() ?? '';
    if (dto.decision === 'refuse' && (!reason || reason.length > REWARD_REASON_MAX)) throw new DomainException(ErrorCode.ReasonRequired);
    const now = new Date();
    await this.db.transaction(async (uow) => {
      const m = uow.manager;
      if (!(await this.repo.decide(m, id, caller.user.id, now, dto.decision === 'refuse' ? reason : null))) throw new DomainException(ErrorCode.RewardDecided);
      await this.audit.recordFor(caller, { action: AuditAction.RewardDecided, targetType: 'reward', targetId: id, detail: dto.decision === 'approve' ? 'approve' : `refuse: ${reason}` }, m);
      if (dto.decision === 'refuse') {
        await this.notifications.notify(m, [reward.proposedBy], { title: '一事一奖未通过', body: `${reward.form}：${reason}`, caseId: null }, `reward-decided:${id}`);
        return;
      }
      if (reward.bulletinId !== null && !(await this.naming.name(m, reward.bulletinId, reward.residentId))) {
        throw new DomainException(ErrorCode.RewardDeedInvalid, ['该正气公告已具名表扬其他居民']);
      }
      const consent = reward.bulletinId !== null ? '。派出所想在正气公告中表扬您，是否同意具名，请在“我的奖励”中选择' : '';
      await this.notifications.notify(m, [reward.residentId], {
        title: '您获得一事一奖', body: `${reward.form}${yuan(reward.amountCents)}：${reward.deed}${consent}`.slice(0, 500), caseId: null, link: NotificationLink.Rewards,
      }, `reward-decided:${id}`);
    });
    return this.detail(caller, id);
  }

  /** The resident's answer to being named in the 正气 bulletin of their reward. */
  async consent(caller: Caller, id: number, agree: boolean): Promise<RewardView> {
    const reward = await this.require(caller, id, CONSENT_RULE);
    if (reward.bulletinId === null) throw new DomainException(ErrorCode.NamingNotOffered);
    const bulletinId = reward.bulletinId;
    await this.db.transaction(async (uow) => {
      if (!(await this.naming.consent(uow.manager, bulletinId, reward.residentId, agree ? 'agreed' : 'declined'))) throw new DomainException(ErrorCode.NamingNotOffered);
      await this.audit.recordFor(caller, { action: AuditAction.RewardNamingConsent, targetType: 'reward', targetId: id, detail: agree ? 'agreed' : 'declined' }, uow.manager);
    });
    return this.detail(caller, id);
  }

  /** Staff: a leader's rewards of their jurisdiction; an officer's, those they proposed. */
  async list(caller: Caller, status: RewardStatus | undefined, page: number, pageSize: number): Promise<Page<RewardView>> {
    const scope: RewardListScope = caller.scope.kind === 'subtree' ? { pathPrefix: caller.scope.pathPrefix } : { proposedBy: caller.user.id };
    const { rows, total } = await this.repo.page(scope, status, page, pageSize);
    return { items: await this.views.of(caller, rows), total, page, pageSize };
  }

  /** 我的奖励: the caller's approved rewards. */
  async mine(caller: Caller, page: number, pageSize: number): Promise<Page<RewardView>> {
    const { rows, total } = await this.repo.ofResident(caller.user.id, page, pageSize);
    return { items: await this.views.of(caller, rows), total, page, pageSize };
  }
}

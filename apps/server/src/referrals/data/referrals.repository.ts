import { EscalationLevel, HotlineOrderStatus, ReferralStatus } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, LessThan, LessThanOrEqual, Not } from 'typeorm';
import { Database, workClaimed } from '../../common/db';
import { ReferralEntity } from './referral.entity';

const OPEN = [ReferralStatus.Sent, ReferralStatus.Signed];
const RELEASE = { leaseOwner: null, leaseUntil: null };

/** Referrals to one target in one category and branch, made within a period (转办分流 pile-ups). */
export interface PileUp {
  targetId: number;
  category: string;
  branchPath: string;
  from: Date;
  to: Date;
}

/** Every statement on `referrals`: the referral's life, the 12345 order it carries, and its escalation's leases. */
@Injectable()
export class ReferralsRepository {
  constructor(private readonly db: Database) {}

  async insert(m: EntityManager, referral: Omit<ReferralEntity, 'id'>): Promise<number> {
    const inserted = await m.getRepository(ReferralEntity).insert(referral);
    return Number(inserted.identifiers[0].id);
  }

  find(id: number): Promise<ReferralEntity | null> {
    return this.db.manager.getRepository(ReferralEntity).findOneBy({ id });
  }

  get(id: number, m: EntityManager = this.db.manager): Promise<ReferralEntity> {
    return m.getRepository(ReferralEntity).findOneByOrFail({ id });
  }

  /** A case's referrals, oldest first. */
  ofCase(caseId: number): Promise<ReferralEntity[]> {
    return this.db.manager.getRepository(ReferralEntity).find({ where: { caseId }, order: { id: 'ASC' } });
  }

  /** The newest 100 referrals to the targets of `targetIds` (of one status, if given). */
  toTargets(targetIds: readonly number[], status?: ReferralStatus): Promise<ReferralEntity[]> {
    return this.db.manager.getRepository(ReferralEntity).find({
      where: { targetId: In([...targetIds]), ...(status ? { status } : {}) },
      order: { id: 'DESC' },
      take: 100,
    });
  }

  /** 签收, if the referral still waits for it; restarts the due clock on the reply. False when it did not. */
  async markSigned(m: EntityManager, referral: Pick<ReferralEntity, 'id' | 'replyDueAt'>, label: string, now: Date): Promise<boolean> {
    const result = await m.getRepository(ReferralEntity).update(
      { id: referral.id, status: ReferralStatus.Sent },
      { status: ReferralStatus.Signed, signedAt: now, signedByLabel: label, escalation: EscalationLevel.None, nextCheckAt: referral.replyDueAt, ...RELEASE, updatedAt: now },
    );
    return Boolean(result.affected);
  }

  /** The reply, once (signing it too when nobody had); false when it was replied already. */
  async markReplied(
    m: EntityManager,
    referral: Pick<ReferralEntity, 'id' | 'signedAt'>,
    reply: { outcome: string; evidence: string | null; label: string },
    now: Date,
  ): Promise<boolean> {
    const result = await m.getRepository(ReferralEntity).update(
      { id: referral.id, status: In(OPEN) },
      {
        status: ReferralStatus.Replied, repliedAt: now, replyOutcome: reply.outcome, replyEvidence: reply.evidence,
        repliedByLabel: reply.label, nextCheckAt: null, ...RELEASE, updatedAt: now,
        ...(referral.signedAt ? {} : { signedAt: now, signedByLabel: reply.label }),
      },
    );
    return Boolean(result.affected);
  }

  /** How many of a case's referrals still wait for a receipt or reply. */
  openOfCase(m: EntityManager, caseId: number): Promise<number> {
    return m.getRepository(ReferralEntity).count({ where: { caseId, status: In(OPEN) } });
  }

  /** The open referrals of the cases of `caseIds`. */
  async openOfCases(caseIds: readonly number[]): Promise<ReferralEntity[]> {
    const out: ReferralEntity[] = [];
    for (let i = 0; i < caseIds.length; i += 1000) {
      const ids = caseIds.slice(i, i + 1000);
      out.push(...(await this.db.manager.getRepository(ReferralEntity).find({ where: { caseId: In(ids), status: In(OPEN) } })));
    }
    return out;
  }

  private pileUp(m: EntityManager, p: PileUp) {
    return m
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .where('r.target_id = :t AND r.category = :c AND r.branch_path = :b AND r.created_at >= :from AND r.created_at < :to', {
        t: p.targetId, c: p.category, b: p.branchPath, from: p.from, to: p.to,
      });
  }

  countPileUp(m: EntityManager, p: PileUp): Promise<number> {
    return this.pileUp(m, p).getCount();
  }

  listPileUp(p: PileUp): Promise<ReferralEntity[]> {
    return this.pileUp(this.db.manager, p).orderBy('r.id', 'ASC').getMany();
  }

  /** The referral of a 12345 order number. */
  byOrderNo(m: EntityManager, orderNo: string): Promise<ReferralEntity | null> {
    return m.getRepository(ReferralEntity).findOne({ where: { externalOrderNo: orderNo } });
  }

  /** The referral, while it still waits for its 12345 order. */
  pendingOrder(m: EntityManager, referralId: number): Promise<ReferralEntity | null> {
    return m.getRepository(ReferralEntity).findOne({ where: { id: referralId, externalOrderNo: IsNull() } });
  }

  /** The 12345 order number, once; false when one is on record already. */
  async recordOrder(m: EntityManager, id: number, orderNo: string, now: Date): Promise<boolean> {
    const result = await m.getRepository(ReferralEntity).update(
      { id, externalOrderNo: IsNull() },
      { externalOrderNo: orderNo, externalStatus: HotlineOrderStatus.Received, externalSyncedAt: now, updatedAt: now },
    );
    return Boolean(result.affected);
  }

  async markOrderFailed(m: EntityManager, id: number, now: Date): Promise<void> {
    await m.getRepository(ReferralEntity).update({ id }, { externalStatus: HotlineOrderStatus.Failed, updatedAt: now });
  }

  /** Notes that 12345 told us (or we asked) about the order now. */
  async touchSync(m: EntityManager, id: number, now: Date): Promise<void> {
    await m.getRepository(ReferralEntity).update({ id }, { externalSyncedAt: now });
  }

  /** Moves the order's status from `from` to `to`; false when another change came first. */
  async moveOrderStatus(m: EntityManager, id: number, from: HotlineOrderStatus, to: HotlineOrderStatus, now: Date): Promise<boolean> {
    const moved = await m.getRepository(ReferralEntity).update({ id, externalStatus: from }, { externalStatus: to, externalSyncedAt: now, updatedAt: now });
    return Boolean(moved.affected);
  }

  /** Open orders in `states` nobody heard of since `before`, the longest silent first. */
  staleOrders(states: readonly HotlineOrderStatus[], before: Date, take: number): Promise<ReferralEntity[]> {
    return this.db.manager.getRepository(ReferralEntity).find({
      where: { externalStatus: In([...states]), externalSyncedAt: LessThan(before), externalOrderNo: Not(IsNull()) },
      order: { externalSyncedAt: 'ASC' },
      take,
    });
  }

  /** Claims a stale order for polling by moving its sync time; false when another instance did first. */
  async claimSync(referral: Pick<ReferralEntity, 'id' | 'externalSyncedAt'>, now: Date): Promise<boolean> {
    const claim = await this.db.manager
      .getRepository(ReferralEntity)
      .update({ id: referral.id, externalSyncedAt: referral.externalSyncedAt ?? IsNull() }, { externalSyncedAt: now });
    return Boolean(claim.affected);
  }

  /** Claims open referrals whose check is due (a conditional update is the lease) and hands each id to `work`. */
  claimDue(now: Date, lease: { owner: string; until: Date }, batch: number, work: (id: number) => Promise<boolean>): Promise<number> {
    return workClaimed(
      this.db.manager.getRepository(ReferralEntity),
      { where: { status: In(OPEN), nextCheckAt: LessThanOrEqual(now) }, sql: 'status IN (:...open) AND next_check_at <= :now', params: { open: OPEN }, order: { nextCheckAt: 'ASC' }, batch },
      lease,
      now,
      work,
    );
  }

  /** Gives up the lease and stops checking the referral. */
  async retire(m: EntityManager, id: number): Promise<void> {
    await m.getRepository(ReferralEntity).update({ id }, { ...RELEASE, nextCheckAt: null });
  }

  /** One escalation step, written while `owner` holds the lease; the lease is given up. */
  async escalate(m: EntityManager, id: number, owner: string, escalation: EscalationLevel, nextCheckAt: Date | null, now: Date): Promise<void> {
    await m.getRepository(ReferralEntity).update({ id, leaseOwner: owner }, { ...RELEASE, escalation, nextCheckAt, updatedAt: now });
  }
}

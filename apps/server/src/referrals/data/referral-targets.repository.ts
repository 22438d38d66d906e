import { ReferralStatus, ReferralTargetKind } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, Not } from 'typeorm';
import { Database, forUpdate } from '../../common/db';
import { ReferralTargetStaffEntity } from './referral-target-staff.entity';
import { ReferralTargetEntity } from './referral-target.entity';
import { ReferralEntity } from './referral.entity';

/** Every statement on `referral_targets` and `referral_target_staff`: the places cases are referred to and their staff. */
@Injectable()
export class ReferralTargetsRepository {
  constructor(private readonly db: Database) {}

  /** Adds the 12345 hotline target unless there is one. */
  async ensureHotline(name: string): Promise<void> {
    const repo = this.db.manager.getRepository(ReferralTargetEntity);
    if (!(await repo.exist({ where: { kind: ReferralTargetKind.Hotline12345 } }))) {
      await repo.insert({ kind: ReferralTargetKind.Hotline12345, name, phone: '12345', orgUnitId: null, active: true });
    }
  }

  /** Targets offered to officers, by kind. */
  active(): Promise<ReferralTargetEntity[]> {
    return this.db.manager.getRepository(ReferralTargetEntity).find({ where: { active: true }, order: { kind: 'ASC', id: 'ASC' } });
  }

  findActive(id: number): Promise<ReferralTargetEntity | null> {
    return this.db.manager.getRepository(ReferralTargetEntity).findOne({ where: { id, active: true } });
  }

  get(id: number, m: EntityManager = this.db.manager): Promise<ReferralTargetEntity> {
    return m.getRepository(ReferralTargetEntity).findOneByOrFail({ id });
  }

  /** The targets of `ids`, by id. */
  async byIds(ids: readonly number[]): Promise<Map<number, ReferralTargetEntity>> {
    if (!ids.length) return new Map();
    const rows = await this.db.manager.getRepository(ReferralTargetEntity).find({ where: { id: In([...new Set(ids)]) } });
    return new Map(rows.map((t) => [t.id, t]));
  }

  /** Every target, active first, then by kind. */
  all(): Promise<ReferralTargetEntity[]> {
    return this.db.manager.getRepository(ReferralTargetEntity).find({ order: { active: 'DESC', kind: 'ASC', id: 'ASC' } });
  }

  count(): Promise<number> {
    return this.db.manager.getRepository(ReferralTargetEntity).count();
  }

  /** The target, its row locked for `m`'s transaction. */
  lock(m: EntityManager, id: number): Promise<ReferralTargetEntity | null> {
    return m.getRepository(ReferralTargetEntity).findOne({ where: { id }, ...forUpdate(m) });
  }

  /** Whether an active target (other than `exceptId`) has this name. */
  nameTaken(m: EntityManager, name: string, exceptId?: number): Promise<boolean> {
    return m.getRepository(ReferralTargetEntity).exist({ where: { name, active: true, ...(exceptId ? { id: Not(exceptId) } : {}) } });
  }

  add(m: EntityManager, target: Omit<ReferralTargetEntity, 'id'>): Promise<ReferralTargetEntity> {
    return m.getRepository(ReferralTargetEntity).save({ ...target });
  }

  async update(m: EntityManager, id: number, changes: Partial<Pick<ReferralTargetEntity, 'name' | 'phone' | 'active'>>): Promise<void> {
    await m.getRepository(ReferralTargetEntity).update({ id }, changes);
  }

  /** The target's staff become `userIds` (none left over from before). */
  async setStaff(m: EntityManager, targetId: number, userIds: readonly number[], replace: boolean): Promise<void> {
    const staff = m.getRepository(ReferralTargetStaffEntity);
    if (replace) await staff.delete({ targetId });
    if (userIds.length) await staff.insert(userIds.map((userId) => ({ targetId, userId })));
  }

  /** Staff links of the targets of `ids`, in the order they were made. */
  staffLinks(ids: readonly number[]): Promise<ReferralTargetStaffEntity[]> {
    return this.db.manager.getRepository(ReferralTargetStaffEntity).find({ where: { targetId: In([...ids]) }, order: { id: 'ASC' } });
  }

  /** The users working for a target. */
  async staffOf(m: EntityManager, targetId: number): Promise<number[]> {
    return (await m.getRepository(ReferralTargetStaffEntity).find({ where: { targetId } })).map((r) => r.userId);
  }

  /** The targets a user works for. */
  async targetIdsOf(userId: number): Promise<number[]> {
    return (await this.db.manager.getRepository(ReferralTargetStaffEntity).find({ where: { userId } })).map((r) => r.targetId);
  }

  /** Referrals not yet replied, per target of `ids`. */
  async openReferralCounts(ids: readonly number[]): Promise<Map<number, number>> {
    const rows = await this.db.manager
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .select('r.target_id', 'targetId')
      .addSelect('COUNT(*)', 'n')
      .where('r.target_id IN (:...ids)', { ids })
      .andWhere('r.status <> :replied', { replied: ReferralStatus.Replied })
      .groupBy('r.target_id')
      .getRawMany<{ targetId: number; n: string | number }>();
    return new Map(rows.map((r) => [Number(r.targetId), Number(r.n)]));
  }
}

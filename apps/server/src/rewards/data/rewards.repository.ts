import type { RewardStatus } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { And, DataSource, EntityManager, FindOptionsWhere, In, LessThan, Like, MoreThanOrEqual, Not } from 'typeorm';
import type { TimeRange } from '../../common/db';
import { RewardEntity } from './reward.entity';

export const isDuplicate = (err: unknown): boolean =>
  err instanceof Error && /ER_DUP_ENTRY|UNIQUE constraint|Duplicate entry/i.test(`${(err as { code?: string }).code ?? ''} ${err.message}`);

/** Whose rewards a staff list shows: a subtree's (leaders), or those an officer proposed. */
export type RewardListScope = { pathPrefix: string } | { proposedBy: number };

/** Every statement on rewards (the rewards feature's own table). */
@Injectable()
export class RewardsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(m?: EntityManager) {
    return (m ?? this.dataSource.manager).getRepository(RewardEntity);
  }

  /** The new reward's id, or null when the deed has one already (the unique deed key: race-safe). */
  async insert(m: EntityManager, reward: Omit<RewardEntity, 'id'>): Promise<number | null> {
    try {
      const saved = await this.repo(m).insert(reward);
      return Number(saved.identifiers[0].id);
    } catch (err) {
      if (isDuplicate(err)) return null;
      throw err;
    }
  }

  byId(id: number, m?: EntityManager): Promise<RewardEntity | null> {
    return this.repo(m).findOneBy({ id });
  }

  /**
   * Approves or refuses a proposed reward: a conditional UPDATE on the status, so of two deciding
   * at once one wins. Refusing frees the deed (its key is cleared).
   */
  async decide(m: EntityManager, id: number, by: number, at: Date, refusal: string | null): Promise<boolean> {
    const set: Partial<RewardEntity> = refusal === null
      ? { status: 'approved', decidedBy: by, decidedAt: at }
      : { status: 'refused', decidedBy: by, decidedAt: at, refusalReason: refusal, deedKey: null };
    const result = await this.repo(m).update({ id, status: 'proposed' }, set);
    return (result.affected ?? 0) === 1;
  }

  async page(scope: RewardListScope, status: RewardStatus | undefined, page: number, pageSize: number): Promise<{ rows: RewardEntity[]; total: number }> {
    const where: FindOptionsWhere<RewardEntity> = 'pathPrefix' in scope ? { orgPath: Like(`${scope.pathPrefix}%`) } : { proposedBy: scope.proposedBy };
    if (status) where.status = status;
    const [rows, total] = await this.repo().findAndCount({ where, order: { proposedAt: 'DESC', id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
    return { rows, total };
  }

  /** A resident's approved rewards, the latest first. */
  async ofResident(residentId: number, page: number, pageSize: number): Promise<{ rows: RewardEntity[]; total: number }> {
    const [rows, total] = await this.repo().findAndCount({
      where: { residentId, status: 'approved' }, order: { decidedAt: 'DESC', id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize,
    });
    return { rows, total };
  }

  /** Rewards each officer proposed in the period, refused ones left out (the officers' ranking). */
  async proposedBy(officerIds: readonly number[], range: TimeRange): Promise<Map<number, number>> {
    if (!officerIds.length) return new Map();
    const rows = await this.repo().find({
      select: { id: true, proposedBy: true },
      where: { proposedBy: In([...officerIds]), status: Not('refused'), proposedAt: And(MoreThanOrEqual(range.from), LessThan(range.to)) },
    });
    const out = new Map<number, number>();
    for (const r of rows) out.set(r.proposedBy, (out.get(r.proposedBy) ?? 0) + 1);
    return out;
  }
}

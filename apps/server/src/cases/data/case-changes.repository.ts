import { OrgLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { parseDbDate } from '../../common/db-date';
import { Database, entityColumns, selectRows } from '../../common/db';
import { rawPage } from '../../common/paging';
import { CaseSealedReporterEntity } from './case-sealed-reporter.entity';
import { CaseUnsealEntity } from './case-unseal.entity';
import { CaseEntity } from './case.entity';

/** A row of 信息员身份查看记录 (unseal log). */
export interface UnsealRow {
  caseId: number;
  caseCreatedAt: Date;
  byUserId: number;
  byName: string;
  reason: string;
  at: Date;
}

/** The person behind a sealed report, as an unsealing station leader reads them (decrypted). */
export interface UnsealedPerson {
  id: number;
  nickname: string;
  realName: string | null;
  phone: string | null;
}

/**
 * The writes of the case workflow (cases/case-workflow.service.ts) on a case row and its sealed
 * identity: state-machine transitions under an optimistic version check, rating, the serious-risk
 * flag, releasing a held report, unsealing and its log.
 */
@Injectable()
export class CaseChangesRepository {
  constructor(private readonly db: Database) {}

  /** Writes `changes` if the case is still at `version` and `status`; false when someone changed it first. */
  async transition(m: EntityManager, entity: Pick<CaseEntity, 'id' | 'version' | 'status'>, changes: Partial<CaseEntity>): Promise<boolean> {
    const result = await m.getRepository(CaseEntity).update({ id: entity.id, version: entity.version, status: entity.status }, changes);
    return Boolean(result.affected);
  }

  /** The rating, once; false when the case was rated already. */
  async rate(m: EntityManager, id: number, rating: number, comment: string | null): Promise<boolean> {
    const result = await m.getRepository(CaseEntity).update({ id, rating: IsNull() }, { rating, ratingComment: comment });
    return Boolean(result.affected);
  }

  /** Flags 严重现实危险 once; false when it was flagged already. */
  async flagSeriousRisk(m: EntityManager, id: number, now: Date): Promise<boolean> {
    const result = await m.getRepository(CaseEntity).update({ id, seriousRisk: false }, { seriousRisk: true, updatedAt: now });
    return Boolean(result.affected);
  }

  /** Releases a report held for review; false when it was not held. */
  async clearReview(m: EntityManager, id: number): Promise<boolean> {
    const result = await m.getRepository(CaseEntity).update({ id, heldForReview: true }, { heldForReview: false });
    return Boolean(result.affected);
  }

  /** A community a case may be transferred to (org's `org_units` row), or null. */
  async community(m: EntityManager, id: number): Promise<{ id: number; path: string; officerId: number | null } | null> {
    const [row] = await selectRows(m, 'SELECT id, path, officer_id FROM org_units WHERE id = ? AND level = ?', [id, OrgLevel.Community]);
    return row ? { id: Number(row.id), path: String(row.path), officerId: row.officer_id == null ? null : Number(row.officer_id) } : null;
  }

  /** The user id sealed with an informant's report (decrypted), if the case has one. */
  async sealedReporterId(m: EntityManager, caseId: number): Promise<number | null> {
    const sealed = await m.getRepository(CaseSealedReporterEntity).findOne({ where: { caseId } });
    return sealed ? Number(sealed.reporterId) : null;
  }

  /** The person behind an id (identity's `users` row, decrypted by its own column metadata), or null. */
  async person(m: EntityManager, userId: number): Promise<UnsealedPerson | null> {
    const users = entityColumns(m, 'users');
    const [row] = await selectRows(m, 'SELECT id, nickname, real_name_enc, phone_enc FROM users WHERE id = ?', [userId]);
    if (!row) return null;
    return {
      id: Number(row.id),
      nickname: String(row.nickname),
      realName: users.read('real_name_enc', row.real_name_enc) as string | null,
      phone: users.read('phone_enc', row.phone_enc) as string | null,
    };
  }

  async addUnseal(m: EntityManager, row: Omit<CaseUnsealEntity, 'id'>): Promise<void> {
    await m.getRepository(CaseUnsealEntity).insert(row);
  }

  /** 信息员身份查看记录: every unseal, newest first, one page, and the total. */
  async unsealLog(page: number, pageSize: number): Promise<{ rows: UnsealRow[]; total: number }> {
    const unseals = () => this.db.manager.createQueryBuilder().from('case_unseals', 'x');
    const { rows, total } = await rawPage(
      unseals()
        .innerJoin('cases', 'c', 'c.id = x.case_id')
        .innerJoin('users', 'u', 'u.id = x.by_user_id')
        .select(['x.case_id AS caseId', 'c.created_at AS caseCreatedAt', 'x.by_user_id AS byUserId', 'u.nickname AS byName', 'x.reason AS reason', 'x.at AS at'])
        .orderBy('x.id', 'DESC'),
      page,
      pageSize,
      unseals(),
    );
    return {
      rows: rows.map((r) => ({
        caseId: Number(r.caseId), caseCreatedAt: parseDbDate(r.caseCreatedAt) as Date, byUserId: Number(r.byUserId), byName: String(r.byName),
        reason: String(r.reason), at: parseDbDate(r.at) as Date,
      })),
      total,
    };
  }
}

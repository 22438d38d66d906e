import { BulletinContent, BulletinKind, BulletinStatus } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database, forUpdate, UnitOfWork } from '../../common/db';
import { BulletinVersionEntity } from './bulletin-version.entity';
import { BulletinEntity } from './bulletin.entity';

/** The fields of a bulletin's state a decision changes. */
export type BulletinChange = Partial<Pick<BulletinEntity,
  'status' | 'versionId' | 'approvedVersionId' | 'submittedAt' | 'reviewedBy' | 'reviewedAt' | 'reviewComment' |
  'withdrawnBy' | 'withdrawnAt' | 'withdrawReason' | 'heldReason' | 'secCheck' | 'urgent' | 'reviewDueAt' | 'reviewEscalation' | 'reviewNextCheckAt'>>;

/** Bulletins and their versions: creating, versioning and moving a bulletin through review (bulletins.service.ts). */
@Injectable()
export class BulletinsRepository {
  constructor(private readonly db: Database) {}

  byId(id: number, manager: EntityManager = this.db.manager, lock = false): Promise<BulletinEntity | null> {
    return manager.getRepository(BulletinEntity).findOne({ where: { id }, ...(lock ? forUpdate(manager) : {}) });
  }

  version(id: number, manager: EntityManager = this.db.manager): Promise<BulletinVersionEntity | null> {
    return manager.getRepository(BulletinVersionEntity).findOne({ where: { id } });
  }

  async versionNo(id: number): Promise<number> {
    return (await this.version(id))?.versionNo ?? 0;
  }

  /** A new bulletin with its first version, in one unit of work. */
  async create(uow: UnitOfWork, row: Pick<BulletinEntity, 'kind' | 'warningType' | 'status' | 'authorId' | 'orgUnitId' | 'orgPath' | 'urgent'>, content: BulletinContent, now: Date): Promise<number> {
    const id = await uow.insert(
      'INSERT INTO bulletins (kind, warning_type, status, author_id, org_unit_id, org_path, version_id, useful_count, urgent, review_escalation, created_at, updated_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, 0, ?, ?)',
      [row.kind, row.warningType, row.status, row.authorId, row.orgUnitId, row.orgPath, row.urgent ? 1 : 0, now, now],
    );
    const versionId = await this.addVersion(uow, id, 1, content, row.authorId, now);
    await uow.manager.getRepository(BulletinEntity).update({ id }, { versionId });
    return id;
  }

  /** Adds a version (never changes one); returns its id. */
  async addVersion(uow: UnitOfWork, bulletinId: number, versionNo: number, c: BulletinContent, userId: number, now: Date): Promise<number> {
    return uow.insert(
      'INSERT INTO bulletin_versions (bulletin_id, version_no, title, body, image_ids, legal_basis, tags, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [bulletinId, versionNo, c.title.trim(), JSON.stringify(c.body), JSON.stringify(c.imageIds ?? []), c.legalBasis?.trim() || null,
        JSON.stringify((c.tags ?? []).map((t) => t.trim())), userId, now],
    );
  }

  /**
   * Changes a bulletin's state when it is still in one of `from` (a conditional UPDATE, so of two
   * reviewers deciding at once only one gets through); false when it was not.
   */
  async change(manager: EntityManager, id: number, from: readonly BulletinStatus[], change: BulletinChange, now: Date): Promise<boolean> {
    const result = await manager.createQueryBuilder().update(BulletinEntity)
      .set({ ...change, updatedAt: now })
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
    return Boolean(result.affected);
  }

  /** Kind, warning type and urgency follow the newest version. */
  async setKind(manager: EntityManager, id: number, kind: BulletinKind, warningType: BulletinEntity['warningType'], urgent: boolean): Promise<void> {
    await manager.getRepository(BulletinEntity).update({ id }, { kind, warningType, urgent });
  }
}

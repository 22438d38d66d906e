import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, LessThan } from 'typeorm';
import { Database } from '../../common/db';
import { UploadEntity } from './upload.entity';

/** Every statement on `uploads`: storing, reading by id or case, claiming for a case or a room, purging the unclaimed. */
@Injectable()
export class UploadsRepository {
  constructor(private readonly db: Database) {}

  async insert(row: UploadEntity): Promise<void> {
    await this.db.manager.getRepository(UploadEntity).insert(row);
  }

  /** The upload `id` (of case `caseId` only, when given). */
  find(id: string, caseId?: number): Promise<UploadEntity | null> {
    return this.db.manager.getRepository(UploadEntity).findOne({ where: { id, ...(caseId === undefined ? {} : { caseId }) } });
  }

  /**
   * In the caller's transaction: the owner's unused uploads of `ids` go to the case (`disown`: they
   * keep no owner); how many were claimed. The conditional UPDATE makes one of two concurrent claims fail.
   */
  async claimForCase(m: EntityManager, ownerId: number, ids: string[], caseId: number, disownedOwner: number | null): Promise<number> {
    const claimed = await m.getRepository(UploadEntity).update(
      { id: In(ids), ownerId, caseId: IsNull(), roomId: IsNull(), bulletinId: IsNull() },
      { caseId, ...(disownedOwner === null ? {} : { ownerId: disownedOwner }) },
    );
    return claimed.affected ?? 0;
  }

  /** In the caller's transaction: the owner's unused upload goes to the room; false when it is not theirs or used. */
  async claimForRoom(m: EntityManager, ownerId: number, id: string, roomId: number): Promise<boolean> {
    const claimed = await m.getRepository(UploadEntity).update({ id, ownerId, caseId: IsNull(), roomId: IsNull(), bulletinId: IsNull() }, { roomId });
    return Boolean(claimed.affected);
  }

  /**
   * In the caller's transaction: the owner's unused uploads of `ids` go to the bulletin; answers
   * how many of `ids` are now the owner's images of that bulletin (an edit keeps its earlier ones).
   */
  async claimForBulletin(m: EntityManager, ownerId: number, ids: string[], bulletinId: number): Promise<number> {
    const repo = m.getRepository(UploadEntity);
    await repo.update({ id: In(ids), ownerId, caseId: IsNull(), roomId: IsNull(), bulletinId: IsNull() }, { bulletinId });
    return repo.count({ where: { id: In(ids), ownerId, bulletinId } });
  }

  /** The upload `id` when it is one of the bulletin's images. */
  ofBulletin(id: string, bulletinId: number): Promise<UploadEntity | null> {
    return this.db.manager.getRepository(UploadEntity).findOne({ where: { id, bulletinId } });
  }

  findMany(m: EntityManager, ids: string[]): Promise<UploadEntity[]> {
    return m.getRepository(UploadEntity).find({ where: { id: In(ids) } });
  }

  /** A case's photos, oldest first (`idsOnly`: their ids alone). */
  ofCase(caseId: number, m: EntityManager = this.db.manager, idsOnly = false): Promise<UploadEntity[]> {
    return m.getRepository(UploadEntity).find({
      ...(idsOnly ? { select: { id: true } } : {}),
      where: { caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Unclaimed uploads created before `before`, oldest first. */
  unclaimedBefore(before: Date, take: number): Promise<UploadEntity[]> {
    return this.db.manager.getRepository(UploadEntity).find({
      where: { caseId: IsNull(), roomId: IsNull(), bulletinId: IsNull(), createdAt: LessThan(before) },
      order: { createdAt: 'ASC' },
      take,
    });
  }

  /** Deletes the upload unless a case or room claimed it meanwhile; whether it was deleted. */
  async deleteUnclaimed(id: string): Promise<boolean> {
    const deleted = await this.db.manager.getRepository(UploadEntity).delete({ id, caseId: IsNull(), roomId: IsNull(), bulletinId: IsNull() });
    return Boolean(deleted.affected);
  }
}

import { Injectable } from '@nestjs/common';
import { Database, execute, isDuplicateKey, selectRows } from '../../common/db';
import { BulletinEntity } from './bulletin.entity';
import { BulletinReadEntity } from './bulletin-read.entity';

/** Who read a bulletin, and 有用 (one per person). */
@Injectable()
export class BulletinReadsRepository {
  constructor(private readonly db: Database) {}

  async of(bulletinId: number, userId: number): Promise<{ read: boolean; useful: boolean }> {
    const rows = await selectRows<{ usefulAt: unknown }>(this.db.manager, 'SELECT useful_at AS usefulAt FROM bulletin_reads WHERE bulletin_id = ? AND user_id = ?', [bulletinId, userId]);
    return { read: rows.length > 0, useful: rows.length > 0 && rows[0].usefulAt !== null };
  }

  /** Everyone who opened it, and whether they marked it 有用. */
  async readers(bulletinId: number): Promise<{ userId: number; useful: boolean }[]> {
    const rows = await selectRows<{ userId: number; usefulAt: unknown }>(this.db.manager, 'SELECT user_id AS userId, useful_at AS usefulAt FROM bulletin_reads WHERE bulletin_id = ?', [bulletinId]);
    return rows.map((r) => ({ userId: Number(r.userId), useful: r.usefulAt !== null && r.usefulAt !== undefined }));
  }

  /** Marks it read (the first time counts; later reads change nothing). */
  async markRead(bulletinId: number, userId: number, now: Date): Promise<void> {
    try {
      await execute(this.db.manager, 'INSERT INTO bulletin_reads (bulletin_id, user_id, read_at, useful_at) VALUES (?, ?, ?, NULL)', [bulletinId, userId, now]);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /** 有用: counted once per person (a conditional UPDATE), in one unit of work with the count. Returns the count. */
  async markUseful(bulletinId: number, userId: number, now: Date): Promise<number> {
    await this.markRead(bulletinId, userId, now);
    return this.db.transaction(async (uow) => {
      const marked = await uow.manager.createQueryBuilder().update(BulletinReadEntity)
        .set({ usefulAt: now })
        .where('bulletin_id = :bulletinId AND user_id = :userId AND useful_at IS NULL', { bulletinId, userId })
        .execute();
      if (marked.affected) {
        await uow.manager.createQueryBuilder().update(BulletinEntity).set({ usefulCount: () => 'useful_count + 1' }).where('id = :bulletinId', { bulletinId }).execute();
      }
      const row = await uow.manager.getRepository(BulletinEntity).findOne({ select: { usefulCount: true }, where: { id: bulletinId } });
      return row?.usefulCount ?? 0;
    });
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database } from '../../common/db';
import { ReferralAgendaItemEntity } from './referral-agenda-item.entity';

/** Every statement on `referral_agenda_items` (转办分流联席 agenda). */
@Injectable()
export class ReferralAgendaRepository {
  constructor(private readonly db: Database) {}

  /**
   * Raises the item of a pile-up, or brings its count up to date: true when this call raised it
   * (of two at once, the unique key lets one insert win).
   */
  async raise(m: EntityManager, item: Omit<ReferralAgendaItemEntity, 'id' | 'createdAt' | 'updatedAt'>, now: Date): Promise<boolean> {
    const items = m.getRepository(ReferralAgendaItemEntity);
    const { targetId, category, branchPath, periodStart } = item;
    const existing = await items.findOne({ where: { targetId, category, branchPath, periodStart } });
    if (existing) {
      await items.update({ id: existing.id }, { count: item.count, updatedAt: now });
      return false;
    }
    await items.createQueryBuilder().insert().values({ ...item, createdAt: now, updatedAt: now }).orIgnore().execute();
    return true;
  }

  /** The newest 100 items of branches under `pathPrefix`. */
  under(pathPrefix: string): Promise<ReferralAgendaItemEntity[]> {
    return this.db.manager
      .getRepository(ReferralAgendaItemEntity)
      .createQueryBuilder('a')
      .where('a.branch_path LIKE :prefix', { prefix: `${pathPrefix}%` })
      .orderBy('a.id', 'DESC')
      .take(100)
      .getMany();
  }
}

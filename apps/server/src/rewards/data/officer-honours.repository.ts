import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { OfficerHonourEntity } from './officer-honour.entity';
import { isDuplicate } from './rewards.repository';

/** Every statement on officer_honours (成绩突出社区民警). The officer card reads it in org's community query (docs/rewards.md). */
@Injectable()
export class OfficerHonoursRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(OfficerHonourEntity);
  }

  /** The new honour, or null when the officer was named for that month already. */
  async insert(m: EntityManager, honour: Omit<OfficerHonourEntity, 'id'>): Promise<OfficerHonourEntity | null> {
    try {
      const saved = await m.getRepository(OfficerHonourEntity).insert(honour);
      return { ...honour, id: Number(saved.identifiers[0].id) };
    } catch (err) {
      if (isDuplicate(err)) return null;
      throw err;
    }
  }

  /** Which of these officers were named for the month. */
  async namedIn(month: string, officerIds: readonly number[]): Promise<Set<number>> {
    if (!officerIds.length) return new Set();
    const rows = await this.repo.find({ select: { id: true, officerId: true }, where: { month, officerId: In([...officerIds]) } });
    return new Set(rows.map((r) => r.officerId));
  }
}

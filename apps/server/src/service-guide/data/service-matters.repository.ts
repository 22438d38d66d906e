import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database } from '../../common/db';
import { ServiceMatterEntity } from './service-matter.entity';

/** Every statement on `service_matters`: the versioned 办事指引 catalogue. */
@Injectable()
export class ServiceMattersRepository {
  constructor(private readonly db: Database) {}

  private repo(m: EntityManager = this.db.manager) {
    return m.getRepository(ServiceMatterEntity);
  }

  /** The codes of the matters stored. */
  async codes(): Promise<Set<string>> {
    return new Set((await this.repo().find({ select: { code: true } })).map((r) => r.code));
  }

  /** Stores version 1 of matters; one already there (a concurrent seed) is left as it is. */
  async seed(rows: Omit<ServiceMatterEntity, 'id'>[]): Promise<void> {
    // No ids read back: rows another instance inserted first are ignored, and TypeORM would fail
    // to find their generated ids ("entity id is not set") when instances start together.
    await this.repo().createQueryBuilder().insert().values(rows).orIgnore().updateEntity(false).execute();
  }

  /** The current version of every matter, and where each matter's first version stands (its id, by code). */
  async currentWithPlaces(): Promise<{ rows: ServiceMatterEntity[]; firstIds: Map<string, number> }> {
    const [rows, firsts] = await Promise.all([
      this.repo().find({ where: { isCurrent: true } }),
      this.repo().find({ where: { version: 1 }, select: { code: true, id: true } }),
    ]);
    return { rows, firstIds: new Map(firsts.map((r) => [r.code, r.id])) };
  }

  current(code: string): Promise<ServiceMatterEntity | null> {
    return this.repo().findOne({ where: { code, isCurrent: true } });
  }

  /** Every version of a matter, newest first. */
  versions(code: string): Promise<ServiceMatterEntity[]> {
    return this.repo().find({ where: { code }, order: { version: 'DESC' } });
  }

  /** In the caller's transaction: the matter's latest version, whether current or not. */
  latest(m: EntityManager, code: string): Promise<ServiceMatterEntity | null> {
    return this.repo(m).findOne({ where: { code }, order: { version: 'DESC' } });
  }

  /**
   * In the caller's transaction: `row` becomes the matter's current version and the one before is
   * kept on record. The unique (code, version) index refuses a concurrent edit of the same version.
   */
  async supersede(m: EntityManager, row: Omit<ServiceMatterEntity, 'id'>): Promise<ServiceMatterEntity> {
    const repo = this.repo(m);
    await repo.update({ code: row.code, isCurrent: true }, { isCurrent: false });
    const created = repo.create(row);
    await repo.insert(created);
    return created;
  }
}

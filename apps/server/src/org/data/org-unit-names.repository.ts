import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database } from '../../common/db';
import { OrgUnitEntity } from '../org-unit.entity';

/** Org units' names by id (communities, stations …), for other features' lists. */
@Injectable()
export class OrgUnitNames {
  constructor(private readonly db: Database) {}

  /** The names of the units of `ids` that exist, by id. */
  async of(ids: readonly number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const units = await this.db.manager.getRepository(OrgUnitEntity).find({ select: { id: true, name: true }, where: { id: In([...new Set(ids)]) } });
    return new Map(units.map((u) => [u.id, u.name]));
  }
}

import { OrgLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Database, selectRows } from '../../common/db';
import { MediationRoomEntity } from './mediation-room.entity';

export interface AgreementPlace {
  station: { name: string; address: string | null; phone: string | null } | null;
  communityName: string | null;
}

/**
 * Where a mediation took place, for the 调解协议书: the station and community along the room's org
 * path. Org units are org's; this reads them only.
 */
@Injectable()
export class AgreementPlaceRepository {
  constructor(private readonly db: Database) {}

  async placeOf(roomId: number): Promise<AgreementPlace> {
    const room = await this.db.manager.getRepository(MediationRoomEntity).findOne({ select: { id: true, orgPath: true }, where: { id: roomId } });
    const ids = (room?.orgPath ?? '').split('/').filter(Boolean).map(Number);
    const units = ids.length
      ? await selectRows<{ name: string; level: OrgLevel; address: string | null; phone: string | null }>(
        this.db.manager, `SELECT name, level, address, phone FROM org_units WHERE id IN (${ids.map(() => '?').join(', ')})`, ids,
      )
      : [];
    const station = units.find((u) => u.level === OrgLevel.Station);
    const community = units.find((u) => u.level === OrgLevel.Community);
    return {
      station: station ? { name: station.name, address: station.address ?? null, phone: station.phone ?? null } : null,
      communityName: community?.name ?? null,
    };
  }
}

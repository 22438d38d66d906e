import { OrgLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { OrgUnitEntity } from '../../org/org-unit.entity';
import { MediationRoomEntity } from '../mediation.entities';

export interface AgreementPlace {
  station: { name: string; address: string | null; phone: string | null } | null;
  communityName: string | null;
}

/** Where a mediation took place, for the 调解协议书: the station and community along the room's org path. */
@Injectable()
export class AgreementPlaceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async placeOf(roomId: number): Promise<AgreementPlace> {
    const room = await this.dataSource.getRepository(MediationRoomEntity).findOne({ select: { id: true, orgPath: true }, where: { id: roomId } });
    const ids = (room?.orgPath ?? '').split('/').filter(Boolean).map(Number);
    const units = ids.length ? await this.dataSource.getRepository(OrgUnitEntity).find({ where: { id: In(ids) } }) : [];
    const station = units.find((u) => u.level === OrgLevel.Station);
    const community = units.find((u) => u.level === OrgLevel.Community);
    return {
      station: station ? { name: station.name, address: station.address ?? null, phone: station.phone ?? null } : null,
      communityName: community?.name ?? null,
    };
  }
}

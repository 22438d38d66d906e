import { Role, ROLE_LABELS } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { UserEntity } from '../../identity/user.entity';

/**
 * Who the actors of audit entries are, in words: staff by name and role (王建国（社区民警）); residents
 * only as 居民, their names are personal data the log does not need to show.
 */
@Injectable()
export class AuditActorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async names(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const users = await this.dataSource.getRepository(UserEntity).find({ select: { id: true, nickname: true, role: true }, where: { id: In(ids) } });
    return new Map(users.map((u) => [u.id, u.role === Role.Resident || u.role === Role.Informant ? ROLE_LABELS[Role.Resident] : `${u.nickname}（${ROLE_LABELS[u.role]}）`]));
  }
}

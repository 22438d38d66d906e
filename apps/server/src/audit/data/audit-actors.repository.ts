import { Role, ROLE_LABELS } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Database, selectRows } from '../../common/db';

/**
 * Who the actors of audit entries are, in words: staff by name and role (王建国（社区民警）); residents
 * only as 居民, their names are personal data the log does not need to show. Users are identity's;
 * this reads them only.
 */
@Injectable()
export class AuditActorsRepository {
  constructor(private readonly db: Database) {}

  async names(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const users = await selectRows<{ id: number | string; nickname: string; role: Role }>(
      this.db.manager, `SELECT id, nickname, role FROM users WHERE id IN (${ids.map(() => '?').join(', ')})`, ids,
    );
    const resident = (role: Role) => role === Role.Resident || role === Role.Informant;
    return new Map(users.map((u) => [Number(u.id), resident(u.role) ? ROLE_LABELS[Role.Resident] : `${u.nickname}（${ROLE_LABELS[u.role] ?? u.role}）`]));
  }
}

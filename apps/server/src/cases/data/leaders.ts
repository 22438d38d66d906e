import { Role } from '@jws/contracts';
import { EntityManager } from 'typeorm';
import { selectRows } from '../../common/db';

/**
 * The enabled users holding one of the wanted role and org unit pairs (leaders of a station or a
 * branch), read from identity's `users` table by its columns (cases/case-people.ts builds the pairs).
 */
export async function leaderIds(manager: EntityManager, wanted: readonly { role: Role; orgUnitId: number }[]): Promise<number[]> {
  if (!wanted.length) return [];
  const users = await selectRows<{ id: number | string; role: Role; org_unit_id: number | string }>(
    manager,
    `SELECT id, role, org_unit_id FROM users WHERE role IN (${wanted.map(() => '?').join(', ')}) ` +
      `AND org_unit_id IN (${wanted.map(() => '?').join(', ')}) AND disabled = ?`,
    [...wanted.map((w) => w.role), ...wanted.map((w) => w.orgUnitId), false],
  );
  return users.filter((u) => wanted.some((w) => w.role === u.role && w.orgUnitId === Number(u.org_unit_id))).map((u) => Number(u.id));
}

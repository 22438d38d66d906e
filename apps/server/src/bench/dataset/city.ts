import { MemberType, MembershipStatus, OrgLevel, Role } from '@jws/contracts';
import { DataSource } from 'typeorm';
import { FieldCipher } from '../../personal-data/field-cipher';

/* The city of the bench: its org tree, officers and leaders, and the residents with their memberships. */

export const COMMUNITIES = 453;
export const RESIDENTS = 130_000;
export const BRANCHES = 4;
export const STATIONS = 40;
export const CASES = Number(process.env.BENCH_CASES ?? 100_000);

export interface Community {
  id: number;
  path: string;
  officerId: number;
  stationId: number;
}

export interface City {
  communities: Community[];
  /** User id of resident n (1-based) at index n - 1; resident n is a member of communities[(n - 1) % COMMUNITIES]. */
  residentIds: Int32Array;
  stationLeaderUsername: string;
  /** The leader of that station's branch (its 督办 list: 分局催办 only). */
  branchLeaderUsername: string;
}

/** One multi-row INSERT: `rows` is a list of value tuples, all of `columns.length`. */
export async function insertRows(q: (sql: string, params: unknown[]) => Promise<unknown>, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  await q(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(rows.length).fill(tuple).join(', ')}`, rows.flat());
}

export async function generateCity(ds: DataSource): Promise<City> {
  const q = (sql: string, params: unknown[] = []) => ds.query(sql, params);
  const insertUnit = async (name: string, level: OrgLevel, parentId: number | null, parentPath: string, officerId: number | null) => {
    const res = await q('INSERT INTO org_units (name, level, parent_id, path, officer_id) VALUES (?, ?, ?, ?, ?)', [name, level, parentId, 'x', officerId]);
    const id = Number(res.insertId);
    await q('UPDATE org_units SET path = ? WHERE id = ?', [`${parentPath}${id}/`, id]);
    return { id, path: `${parentPath}${id}/` };
  };
  const insertUser = async (username: string, role: Role, orgUnitId: number | null) => {
    const res = await q('INSERT INTO users (username, nickname, role, org_unit_id, is_informant, disabled, created_at) VALUES (?, ?, ?, ?, 0, 0, NOW(3))', [username, username, role, orgUnitId]);
    return Number(res.insertId);
  };
  const city = await insertUnit('基准市公安局', OrgLevel.City, null, '/', null);
  await insertUser('bench_city_leader', Role.CityLeader, city.id);
  const communities: Community[] = [];
  for (let b = 0; b < BRANCHES; b++) {
    const branch = await insertUnit(`分局${b + 1}`, OrgLevel.Branch, city.id, city.path, null);
    await insertUser(`bench_branch_leader_${b + 1}`, Role.BranchLeader, branch.id);
    for (let s = 0; s < STATIONS / BRANCHES; s++) {
      const station = await insertUnit(`派出所${b + 1}-${s + 1}`, OrgLevel.Station, branch.id, branch.path, null);
      await insertUser(`bench_station_leader_${b + 1}_${s + 1}`, Role.StationLeader, station.id);
      const perStation = Math.ceil(COMMUNITIES / STATIONS);
      for (let c = 0; c < perStation && communities.length < COMMUNITIES; c++) {
        const officerId = await insertUser(`bench_officer_tmp_${communities.length}`, Role.CommunityOfficer, station.id);
        await q('UPDATE users SET username = ? WHERE id = ?', [`bench_officer_${officerId}`, officerId]);
        const community = await insertUnit(`社区${communities.length + 1}`, OrgLevel.Community, station.id, station.path, officerId);
        await q('INSERT INTO police_groups (kind, name, community_id, station_id, owner_id, enterprise_count) VALUES (?, ?, ?, ?, ?, 0)', ['community', `社区${communities.length + 1}警民议事群`, community.id, station.id, officerId]);
        communities.push({ id: community.id, path: community.path, officerId, stationId: station.id });
      }
    }
  }
  const residentIds = new Int32Array(RESIDENTS);
  const BATCH = 2000;
  for (let start = 0; start < RESIDENTS; start += BATCH) {
    const count = Math.min(BATCH, RESIDENTS - start);
    const users: unknown[][] = [];
    for (let i = 0; i < count; i++) {
      const n = start + i + 1;
      const phone = `139${String(n).padStart(8, '0')}`;
      users.push([`bench_resident_${n}`, `居民${n}`, FieldCipher.encrypt(phone), FieldCipher.blindIndex(phone), Role.Resident]);
    }
    const res = await q(
      `INSERT INTO users (username, nickname, phone_enc, phone_hash, role, is_informant, disabled, created_at) VALUES ${Array(count).fill('(?, ?, ?, ?, ?, 0, 0, NOW(3))').join(', ')}`,
      users.flat(),
    );
    // A multi-row INSERT gets consecutive auto-increment ids.
    const firstId = Number(res.insertId);
    const memberships: unknown[] = [];
    for (let i = 0; i < count; i++) {
      residentIds[start + i] = firstId + i;
      memberships.push(firstId + i, communities[(start + i) % communities.length].id, MemberType.Resident, MembershipStatus.Active);
    }
    await q(
      `INSERT INTO memberships (user_id, community_id, member_type, status, joined_at, created_at) VALUES ${Array(count).fill('(?, ?, ?, ?, NOW(3), NOW(3))').join(', ')}`,
      memberships,
    );
  }
  return { communities, residentIds, stationLeaderUsername: 'bench_station_leader_1_1', branchLeaderUsername: 'bench_branch_leader_1' };
}

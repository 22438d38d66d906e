import { createServer } from 'node:http';
import { createPool } from 'mysql2/promise';

/**
 * Baseline for `pnpm bench`: the same read as GET /api/me (the caller's user row and org unit)
 * served by bare node:http + mysql2, with no framework, auth or validation. The service's
 * figures are printed as a ratio to this.
 */
const pool = createPool({ uri: process.env.DATABASE_URL, connectionLimit: 20 });
const userId = Number(process.env.BASELINE_USER_ID ?? 1);

createServer(async (_req, res) => {
  try {
    const [users] = await pool.query('SELECT id, username, nickname, role, is_informant, org_unit_id, phone_enc FROM users WHERE id = ?', [userId]);
    const user = (users as Record<string, unknown>[])[0];
    const [units] = user?.org_unit_id
      ? await pool.query('SELECT id, name FROM org_units WHERE id = ?', [user.org_unit_id])
      : [[]];
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ...user, orgUnit: (units as unknown[])[0] ?? null }));
  } catch (err) {
    res.statusCode = 500;
    res.end(String(err));
  }
}).listen(Number(process.env.PORT), '127.0.0.1');

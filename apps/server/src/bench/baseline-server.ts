import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage } from 'node:http';
import { createPool } from 'mysql2/promise';
import { queueQuery } from '../cases/data/queue-sql';

/**
 * Baselines for `pnpm bench`, served by bare node:http + mysql2 with no framework, auth or
 * validation. The service's figures are printed as a ratio to these.
 * - `/` (or `/me`): the same read as GET /api/me (the caller's user row and org unit);
 * - `/cases`: the officer's queue page, with the very statement CasesRepository.queue sends for
 *   an officer scope (cases/queue-sql.ts): the page of ids with the total (COUNT(*) OVER ()) in a
 *   derived table, joined back to cases and org_units.
 * - `/case?id=N`: the reads of the case page (GET /api/cases/:id): the case row with its
 *   community's and officer's names and its reporter, then its timeline, deadlines and photo ids
 *   together, as CasesService.detail sends them;
 * - `POST /submit` (a report's JSON body): the statements of a report (POST /api/cases) in one
 *   transaction with the service's round trips: the context read (an earlier use of the key, the
 *   reporter's community and officer), then START TRANSACTION with the case row, then the
 *   deadlines, the timeline event, the idempotency row, the notifications (officer, reporter),
 *   the outbox row and COMMIT in one batch. The reporters rotate over BASELINE_SUBMITTER_IDS.
 */
const pool = createPool({ uri: process.env.DATABASE_URL, connectionLimit: 20, timezone: 'Z', multipleStatements: true });
const userId = Number(process.env.BASELINE_USER_ID ?? 1);
const officerId = Number(process.env.BASELINE_OFFICER_ID ?? 1);
const submitterIds = (process.env.BASELINE_SUBMITTER_IDS ?? String(userId)).split(',').map(Number);
const key = randomBytes(32);

async function me(): Promise<unknown> {
  const [users] = await pool.query('SELECT id, username, nickname, role, is_informant, org_unit_id, phone_enc FROM users WHERE id = ?', [userId]);
  const user = (users as Record<string, unknown>[])[0];
  const [units] = user?.org_unit_id ? await pool.query('SELECT id, name FROM org_units WHERE id = ?', [user.org_unit_id]) : [[]];
  return { ...user, orgUnit: (units as unknown[])[0] ?? null };
}

async function queue(): Promise<unknown> {
  const now = new Date();
  const { sql, values } = queueQuery({ kind: 'officer', officerId }, { page: 1, pageSize: 20 }, now);
  const [rows] = (await pool.query(sql, values)) as unknown as [Record<string, unknown>[]];
  const items = rows.map(({ total: _total, ...r }) => ({ ...r, overdue: r.nextDueAt instanceof Date && r.nextDueAt.getTime() < now.getTime() }));
  return { items, total: Number(rows[0]?.total ?? 0), page: 1, pageSize: 20 };
}

const CASE_COLUMNS =
  'c.id, c.kind, c.subcategory, c.title, c.description, c.community_id, c.org_path, c.officer_id, c.reporter_id, c.reporter_key, c.status, ' +
  'c.anonymity, c.contact_preference, c.address_text, c.latitude, c.longitude, c.occurred_at, c.other_party_enc, c.serious_risk, ' +
  'c.held_for_review, c.next_due_at, c.escalation, c.duplicate_of_id, c.rating, c.rating_comment, c.urged_at, c.resolved_at, c.closed_at, ' +
  'c.created_at, c.updated_at, c.version';

async function casePage(id: number): Promise<unknown> {
  const [[row]] = (await pool.query(
    `SELECT ${CASE_COLUMNS}, o.name AS community_name, ou.nickname AS officer_nickname, ru.id AS reporter_user_id, ru.nickname AS reporter_nickname, ` +
      'ru.phone_enc AS reporter_phone_enc FROM cases c LEFT JOIN org_units o ON o.id = c.community_id LEFT JOIN users ou ON ou.id = c.officer_id ' +
      'LEFT JOIN users ru ON ru.id = c.reporter_id WHERE c.id = ?',
    [id],
  )) as unknown as [Record<string, unknown>[]];
  const [[events], [deadlines], [photos]] = await Promise.all([
    pool.query('SELECT e.id, e.case_id, e.type, e.from_status, e.to_status, e.actor_id, e.actor_role, e.is_public, e.note, e.at FROM case_events e WHERE e.case_id = ? ORDER BY e.id', [id]),
    pool.query('SELECT d.id, d.case_id, d.kind, d.due_at, d.met_at, d.escalation, d.next_check_at, d.lease_owner, d.lease_until FROM case_deadlines d WHERE d.case_id = ? ORDER BY d.id', [id]),
    pool.query('SELECT id FROM uploads WHERE case_id = ? ORDER BY created_at, id', [id]),
  ]);
  return { ...row, events, deadlines, photoIds: (photos as { id: string }[]).map((p) => p.id) };
}

const hmac = (text: string) => createHmac('sha256', key).update(text).digest('hex');
function encrypt(text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return `v1.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${data.toString('base64url')}`;
}

let submitted = 0;

async function submit(body: Record<string, string>): Promise<unknown> {
  const reporterId = submitterIds[submitted++ % submitterIds.length];
  const idempotencyKey = randomBytes(16).toString('hex');
  const userKey = hmac(`idempotency:${reporterId}:${idempotencyKey}`);
  const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const [[context]] = (await pool.query(
    'SELECT k.request_hash AS requestHash, o.id AS id, o.name AS name, o.path AS path, o.officer_id AS officerId, u.nickname AS officerName ' +
      'FROM (SELECT ? AS uid) me LEFT JOIN idempotency_keys k ON k.user_key = ? AND k.`key` = ? LEFT JOIN memberships m ON m.user_id = me.uid AND m.status = ? ' +
      'LEFT JOIN org_units o ON o.id = m.community_id LEFT JOIN users u ON u.id = o.officer_id ORDER BY m.id',
    [reporterId, userKey, idempotencyKey, 'active'],
  )) as unknown as [Record<string, unknown>[]];
  const now = new Date();
  const firstDue = new Date(now.getTime() + 30 * 60_000);
  const resolutionDue = new Date(now.getTime() + 3 * 86_400_000);
  const connection = await pool.getConnection();
  try {
    const [[, inserted]] = (await connection.query(
      'START TRANSACTION;\nINSERT INTO cases (kind, subcategory, title, description, community_id, org_path, officer_id, reporter_id, reporter_key, status, ' +
        'anonymity, contact_preference, address_text, latitude, longitude, occurred_at, other_party_enc, serious_risk, held_for_review, next_due_at, ' +
        'escalation, duplicate_of_id, rating, rating_comment, urged_at, resolved_at, closed_at, created_at, updated_at, version) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        body.kind, body.subcategory, body.title, body.description, context.id, context.path, context.officerId, reporterId, hmac(`reporter:${reporterId}`),
        'submitted', body.anonymity, body.contactPreference, body.addressText ?? null, null, null, null, body.otherParty ? encrypt(body.otherParty) : null,
        false, false, firstDue, 0, null, null, null, null, null, null, now, now, 1,
      ],
    )) as unknown as [[unknown, { insertId: number }]];
    const caseId = inserted.insertId;
    const payload = JSON.stringify({ userId: reporterId, page: `pages/case/index?id=${caseId}`, data: { thing1: body.title.slice(0, 20), phrase2: '已提交' }, caseId });
    await connection.query(
      'INSERT INTO case_deadlines (case_id, kind, due_at, met_at, escalation, next_check_at, lease_owner, lease_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?);\n' +
        'INSERT INTO case_events (case_id, type, from_status, to_status, actor_id, actor_role, is_public, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);\n' +
        'INSERT INTO idempotency_keys (user_key, `key`, request_hash, case_id, created_at) VALUES (?, ?, ?, ?, ?);\n' +
        'INSERT INTO notifications (user_id, case_id, room_id, link, community_id, title, body, sealed_enc, read_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);\n' +
        'INSERT INTO outbox (topic, dedupe_key, payload, status, attempts, next_attempt_at, lease_until, last_error, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);\nCOMMIT',
      [
        caseId, 'first_response', firstDue, null, 0, firstDue, null, null, caseId, 'resolution', resolutionDue, null, 0, resolutionDue, null, null,
        caseId, 'submitted', null, 'submitted', reporterId, 'resident', true, null, now,
        userKey, idempotencyKey, requestHash, caseId, now,
        context.officerId, caseId, null, null, null, '新上报', `${String(context.name)}：${body.title}`, null, null, now,
        reporterId, caseId, null, null, null, '已收到您的上报', `“${body.title}”已转给${String(context.name)}的社区民警办理`, null, null, now,
        'wechat.subscribe', `case:${caseId}:submitted:u${reporterId}`, payload, 'pending', 0, now, null, null, now, null,
      ],
    );
    return { id: caseId, status: 'submitted', communityName: context.name, officerName: context.officerName, createdAt: now, nextDueAt: firstDue };
  } catch (err) {
    await connection.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    connection.release();
  }
}

async function json(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
}

createServer(async (req, res) => {
  try {
    const url = req.url ?? '/';
    const body = url.startsWith('/cases')
      ? await queue()
      : url.startsWith('/case?id=')
        ? await casePage(Number(url.slice('/case?id='.length)))
        : url.startsWith('/submit')
          ? await submit(await json(req))
          : await me();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  } catch (err) {
    res.statusCode = 500;
    res.end(String(err));
  }
}).listen(Number(process.env.PORT), '127.0.0.1');

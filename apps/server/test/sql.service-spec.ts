import { randomUUID } from 'node:crypto';
import { Anonymity, CaseKind, ContactPreference, MessageKind } from '@jws/contracts';
import { StatementBatch, unitOfWork } from '../src/common/db';
import { mediationFixtures } from './mediation-support';
import { startTestApp, TestApp } from './test-app';

/**
 * The unit of work (common/db) on MariaDB: StatementBatch is one multi-statement round trip, ids
 * in order, all-or-nothing with its transaction; a report is submitted in three round trips.
 */
/**
 * A chat line over HTTP: the room and the sender's member row; BEGIN with the sequence number, the
 * message with COMMIT (message-batcher.ts); then the notice to the members away (who they are, who
 * has one unread already, the batch). Nine before the group commit went to two round trips (issue #24).
 */
const ROOM_MESSAGE_ROUND_TRIPS = 7;

describe('StatementBatch (MariaDB)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.dataSource.query('CREATE TABLE batch_probe (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(64) NOT NULL UNIQUE, n INT NOT NULL DEFAULT 0)');
  });
  afterAll(async () => t?.close());

  const values = async (): Promise<string[]> =>
    ((await t.dataSource.query('SELECT v FROM batch_probe ORDER BY id')) as { v: string }[]).map((r) => r.v);

  it('returns the generated id of each statement that asks, in the order added', async () => {
    const ids = await t.dataSource.transaction(async (m) => {
      const batch = new StatementBatch();
      batch.add('INSERT INTO batch_probe (v) VALUES (?)', ['first'], { returningId: true });
      batch.add('UPDATE batch_probe SET n = n + 1 WHERE v = ?', ['first']);
      batch.add('INSERT INTO batch_probe (v) VALUES (?), (?)', ['second', 'third'], { returningId: true });
      return batch.run(m);
    });
    const rows = (await t.dataSource.query('SELECT id, v, n FROM batch_probe ORDER BY id')) as { id: number; v: string; n: number }[];
    expect(rows.map((r) => r.v)).toEqual(['first', 'second', 'third']);
    // A multi-row INSERT reports the id of its first row, as insertId always does.
    expect(ids).toEqual([rows[0].id, null, rows[1].id]);
    expect(rows[0].n).toBe(1);
  });

  it('a failing statement rolls back everything of its transaction, the earlier statements of the batch too', async () => {
    const before = await values();
    const attempt = t.dataSource.transaction(async (m) => {
      await m.query('INSERT INTO batch_probe (v) VALUES (?)', ['before-batch']);
      const batch = new StatementBatch();
      batch.add('INSERT INTO batch_probe (v) VALUES (?)', ['in-batch']);
      batch.add('INSERT INTO batch_probe (v) VALUES (?)', ['first']);
      batch.add('INSERT INTO batch_probe (v) VALUES (?)', ['after-the-failure']);
      await batch.run(m);
    });
    await expect(attempt).rejects.toMatchObject({ code: 'ER_DUP_ENTRY' });
    expect(await values()).toEqual(before);
  });

  it('sends values escaped: a value that looks like SQL is stored as text', async () => {
    const hostile = "x'); DROP TABLE batch_probe; --";
    await t.dataSource.transaction(async (m) => {
      const batch = new StatementBatch();
      batch.add('INSERT INTO batch_probe (v) VALUES (?)', [hostile]);
      batch.add('INSERT INTO batch_probe (v) VALUES (?)', ['after-hostile']);
      await batch.run(m);
    });
    expect(await values()).toEqual(expect.arrayContaining([hostile, 'after-hostile']));
  });

  it('an empty batch sends nothing', async () => {
    await expect(t.dataSource.transaction((m) => new StatementBatch().run(m))).resolves.toEqual([]);
  });

  describe('unit of work', () => {
    /** Transactions open on this test's database (the server is shared with other tests): none may be left behind. */
    const connectionsInTransaction = async (): Promise<number> =>
      Number(((await t.dataSource.query(
        'SELECT COUNT(*) AS n FROM information_schema.innodb_trx x JOIN information_schema.processlist p ON p.id = x.trx_mysql_thread_id WHERE p.db = DATABASE()',
      )) as { n: number | string }[])[0].n);

    it('writes the inserted row and the queued writes as one transaction, committed with them, ids handed out', async () => {
      const later: number[] = [];
      const id = await unitOfWork(t.dataSource, async (uow) => {
        const first = await uow.insert('INSERT INTO batch_probe (v) VALUES (?)', ['lean-first']);
        uow.later('UPDATE batch_probe SET n = 7 WHERE id = ?', [first]);
        uow.later('INSERT INTO batch_probe (v) VALUES (?)', ['lean-second'], (second) => later.push(second));
        return first;
      });
      const rows = (await t.dataSource.query("SELECT id, v, n FROM batch_probe WHERE v LIKE 'lean-%' ORDER BY id")) as { id: number; v: string; n: number }[];
      expect(rows.map((r) => [r.v, r.n])).toEqual([['lean-first', 7], ['lean-second', 0]]);
      expect({ id, later }).toEqual({ id: rows[0].id, later: [rows[1].id] });
      expect(await connectionsInTransaction()).toBe(0);
    });

    it('a failing queued write leaves nothing saved, the inserted row neither', async () => {
      const before = await values();
      const attempt = unitOfWork(t.dataSource, async (uow) => {
        await uow.insert('INSERT INTO batch_probe (v) VALUES (?)', ['lean-doomed']);
        uow.later('INSERT INTO batch_probe (v) VALUES (?)', ['lean-doomed-too']);
        uow.later('INSERT INTO batch_probe (v) VALUES (?)', ['first']);
      });
      await expect(attempt).rejects.toMatchObject({ code: 'ER_DUP_ENTRY' });
      expect(await values()).toEqual(before);
      expect(await connectionsInTransaction()).toBe(0);
    });

    it('an error thrown between the statements rolls back, and TypeORM does not commit early on a repository call', async () => {
      const before = await values();
      const attempt = unitOfWork(t.dataSource, async (uow) => {
        await uow.insert('INSERT INTO batch_probe (v) VALUES (?)', ['lean-thrown']);
        // A nested TypeORM transaction would send START TRANSACTION, which on MySQL commits the open one.
        await uow.manager.transaction((m) => m.query('INSERT INTO batch_probe (v) VALUES (?)', ['lean-nested']));
        throw new Error('changed my mind');
      });
      await expect(attempt).rejects.toThrow('changed my mind');
      expect(await values()).toEqual(before);
    });

    it('a statement before the first insert still runs inside the transaction', async () => {
      const before = await values();
      const attempt = unitOfWork(t.dataSource, async (uow) => {
        await uow.manager.query('INSERT INTO batch_probe (v) VALUES (?)', ['lean-early']);
        await uow.insert('INSERT INTO batch_probe (v) VALUES (?)', ['first']);
      });
      await expect(attempt).rejects.toMatchObject({ code: 'ER_DUP_ENTRY' });
      expect(await values()).toEqual(before);
    });

    it('statements run with query see each other, open the transaction and roll back with it', async () => {
      const before = await values();
      const attempt = unitOfWork(t.dataSource, async (uow) => {
        const [inserted, rows] = (await uow.query([
          { sql: 'INSERT INTO batch_probe (v) VALUES (?)', values: ['lean-queried'] },
          { sql: 'SELECT v FROM batch_probe WHERE v = ?', values: ['lean-queried'] },
        ])) as [{ affectedRows: number }, { v: string }[]];
        expect({ affected: inserted.affectedRows, read: rows.map((r) => r.v) }).toEqual({ affected: 1, read: ['lean-queried'] });
        uow.later('INSERT INTO batch_probe (v) VALUES (?)', ['first']);
      });
      await expect(attempt).rejects.toMatchObject({ code: 'ER_DUP_ENTRY' });
      expect(await values()).toEqual(before);
      expect(await connectionsInTransaction()).toBe(0);
    });

    it('queued writes alone open, run and commit the transaction; flush sends them early', async () => {
      await unitOfWork(t.dataSource, async (uow) => {
        uow.later('INSERT INTO batch_probe (v) VALUES (?)', ['lean-only-later']);
        await uow.flush();
        const seen = (await uow.manager.query("SELECT COUNT(*) AS n FROM batch_probe WHERE v = 'lean-only-later'")) as { n: number | string }[];
        expect(Number(seen[0].n)).toBe(1);
        uow.later('UPDATE batch_probe SET n = 3 WHERE v = ?', ['lean-only-later']);
      });
      const rows = (await t.dataSource.query("SELECT n FROM batch_probe WHERE v = 'lean-only-later'")) as { n: number }[];
      expect(rows.map((r) => r.n)).toEqual([3]);
      expect(await connectionsInTransaction()).toBe(0);
    });
  });

  it('submits a report in at most three round trips to the database', async () => {
    const token = await t.login('resident1');
    const submit = (title: string) =>
      t.http.post('/api/cases').set('Authorization', `Bearer ${token}`).set('Idempotency-Key', randomUUID()).send({
        kind: CaseKind.Dispute, subcategory: 'neighbour', title, description: '楼上每晚十一点后仍有很大噪音',
        contactPreference: ContactPreference.InApp, anonymity: Anonymity.None,
      });
    await submit('预热的上报').expect(201);
    // Every round trip goes through TypeORM's logger once (QueryRunner.query → logQuery).
    const sent: string[] = [];
    const logger = t.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      sent.push(query);
      return logQuery(query, parameters, runner);
    };
    try {
      const res = await submit('数往返次数的上报').expect(201);
      expect(res.body.timeline).toHaveLength(1);
    } finally {
      logger.logQuery = logQuery;
    }
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThanOrEqual(3);
  });

  it('sends a room message (stored, delivered, the members away told) in at most ROOM_MESSAGE_ROUND_TRIPS round trips', async () => {
    const tokens: Record<string, string> = {};
    for (const username of ['resident1', 'officer1']) tokens[username] = await t.login(username);
    const f = mediationFixtures(() => t, tokens);
    const room = await f.openRoom('数往返次数的调解');
    const say = (text: string) =>
      t.http.post(`/api/mediation/rooms/${room.id}/messages`).set(f.as('resident1')).send({ clientMsgId: randomUUID(), kind: MessageKind.Text, text });
    await say('预热的消息').expect(200);
    const sent: string[] = [];
    const logger = t.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      sent.push(query);
      return logQuery(query, parameters, runner);
    };
    try {
      const res = await say('数往返次数的消息').expect(200);
      expect(res.body.text).toBe('数往返次数的消息');
    } finally {
      logger.logQuery = logQuery;
    }
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThanOrEqual(ROOM_MESSAGE_ROUND_TRIPS);
  });
});

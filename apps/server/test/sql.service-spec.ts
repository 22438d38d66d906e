import { leanTransaction, StatementBatch } from '../src/common/sql';
import { startTestApp, TestApp } from './test-app';

/** StatementBatch on MariaDB: one multi-statement round trip, ids in order, all-or-nothing with its transaction. */
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

  describe('leanTransaction', () => {
    /** Transactions open on the server: none may be left behind. */
    const connectionsInTransaction = async (): Promise<number> =>
      Number(((await t.dataSource.query("SELECT COUNT(*) AS n FROM information_schema.innodb_trx")) as { n: number | string }[])[0].n);

    it('writes the first row and the batch as one transaction, committed with the batch', async () => {
      const result = await leanTransaction(t.dataSource, async (tx) => {
        const id = await tx.insertFirst('INSERT INTO batch_probe (v) VALUES (?)', ['lean-first']);
        const batch = new StatementBatch();
        batch.add('UPDATE batch_probe SET n = 7 WHERE id = ?', [id]);
        batch.add('INSERT INTO batch_probe (v) VALUES (?)', ['lean-second'], { returningId: true });
        const ids = await tx.commitWith(batch);
        return { id, ids };
      });
      const rows = (await t.dataSource.query("SELECT id, v, n FROM batch_probe WHERE v LIKE 'lean-%' ORDER BY id")) as { id: number; v: string; n: number }[];
      expect(rows.map((r) => [r.v, r.n])).toEqual([['lean-first', 7], ['lean-second', 0]]);
      expect(result).toEqual({ id: rows[0].id, ids: [null, rows[1].id] });
      expect(await connectionsInTransaction()).toBe(0);
    });

    it('a failing statement of the closing batch leaves nothing saved, the first row neither', async () => {
      const before = await values();
      const attempt = leanTransaction(t.dataSource, async (tx) => {
        await tx.insertFirst('INSERT INTO batch_probe (v) VALUES (?)', ['lean-doomed']);
        const batch = new StatementBatch();
        batch.add('INSERT INTO batch_probe (v) VALUES (?)', ['lean-doomed-too']);
        batch.add('INSERT INTO batch_probe (v) VALUES (?)', ['first']);
        await tx.commitWith(batch);
      });
      await expect(attempt).rejects.toMatchObject({ code: 'ER_DUP_ENTRY' });
      expect(await values()).toEqual(before);
      expect(await connectionsInTransaction()).toBe(0);
    });

    it('an error thrown between the statements rolls back, and TypeORM does not commit early on a repository call', async () => {
      const before = await values();
      const attempt = leanTransaction(t.dataSource, async (tx) => {
        await tx.insertFirst('INSERT INTO batch_probe (v) VALUES (?)', ['lean-thrown']);
        // A nested TypeORM transaction would send START TRANSACTION, which on MySQL commits the open one.
        await tx.manager.transaction((m) => m.query('INSERT INTO batch_probe (v) VALUES (?)', ['lean-nested']));
        throw new Error('changed my mind');
      });
      await expect(attempt).rejects.toThrow('changed my mind');
      expect(await values()).toEqual(before);
    });

    it('a statement before insertFirst still runs inside the transaction', async () => {
      const before = await values();
      const attempt = leanTransaction(t.dataSource, async (tx) => {
        await tx.manager.query('INSERT INTO batch_probe (v) VALUES (?)', ['lean-early']);
        await tx.insertFirst('INSERT INTO batch_probe (v) VALUES (?)', ['first']);
      });
      await expect(attempt).rejects.toMatchObject({ code: 'ER_DUP_ENTRY' });
      expect(await values()).toEqual(before);
    });
  });
});

import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { FieldCipher } from '../../personal-data/field-cipher';
import {
  DISOWNED_UPLOAD_OWNER, idempotencyUserKey, SEALED_NOTICE_BODY, SEALED_NOTICE_TITLE, SealedNoticeContent, sealedDedupeKey, sealedReporterKeyOf,
} from '../../personal-data/sealed-links';
import { columnsFor } from './schema-helpers';

/**
 * Informants stay unlinkable from their sealed cases outside `case_sealed_reporters`:
 * - `idempotency_keys` is keyed by a blind index of user and key (`user_key`) instead of `user_id`;
 * - a sealed case's `reporter_key` is the user's sealed reporter key, not the one their ordinary
 *   cases carry beside `reporter_id`;
 * - `notifications.sealed_enc` holds the case reference, title and body of a sealed reporter's
 *   notification encrypted (its `case_id` is NULL and its title/body neutral);
 * - existing rows are rewritten: sealed reporters' notifications, outbox rows (payload encrypted,
 *   dedupe key hashed), their own timeline events (`actor_id` NULL) and claimed photos (owner cleared).
 *
 * Rewriting needs the data key, which start-up (DatabaseModule) and `pnpm migrate` install before
 * migrations run. Without it (never in the service) the old idempotency keys are dropped instead:
 * a key only matters while a client may still retry the same submission, and a retry that finds no
 * key creates its case once more; no sealed link is kept in either case.
 */
export class SealedUnlinkable1764600000000 implements MigrationInterface {
  name = 'SealedUnlinkable1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    const keyed = FieldCipher.installed();

    // idempotency_keys: a new table with user_key, the rows copied with the user keyed, then swapped in
    // (SQLite cannot drop an indexed column in place).
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys_v2',
        columns: [c.id(), c.str('user_key', 64), c.str('key', 64), c.str('request_hash', 64), c.int('case_id'), c.datetime('created_at')],
      }),
    );
    if (keyed) {
      const rows: { user_id: number | string; key: string; request_hash: string; case_id: number | string; created_at: unknown }[] =
        await queryRunner.query('SELECT user_id, `key`, request_hash, case_id, created_at FROM idempotency_keys ORDER BY id');
      for (let i = 0; i < rows.length; i += 200) {
        const batch = rows.slice(i, i + 200);
        await queryRunner.query(
          `INSERT INTO idempotency_keys_v2 (user_key, \`key\`, request_hash, case_id, created_at) VALUES ${batch.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
          batch.flatMap((r) => [idempotencyUserKey(Number(r.user_id), r.key), r.key, r.request_hash, Number(r.case_id), r.created_at]),
        );
      }
    }
    await queryRunner.dropTable('idempotency_keys');
    await queryRunner.renameTable('idempotency_keys_v2', 'idempotency_keys');
    await queryRunner.createIndex('idempotency_keys', new TableIndex({ name: 'uq_idempotency_keys_user_key', columnNames: ['user_key', 'key'], isUnique: true }));

    await queryRunner.addColumn('notifications', new TableColumn({ ...c.text('sealed_enc'), isNullable: true }));

    if (!keyed) return;
    const sealed: { case_id: number | string; reporter_id_enc: string }[] = await queryRunner.query('SELECT case_id, reporter_id_enc FROM case_sealed_reporters');
    for (const s of sealed) {
      const caseId = Number(s.case_id);
      const userId = Number(FieldCipher.decrypt(s.reporter_id_enc));
      const notices: { id: number | string; title: string; body: string }[] = await queryRunner.query(
        'SELECT id, title, body FROM notifications WHERE user_id = ? AND case_id = ?', [userId, caseId]);
      for (const n of notices) {
        const content: SealedNoticeContent = { caseId, title: n.title, body: n.body };
        await queryRunner.query('UPDATE notifications SET case_id = NULL, title = ?, body = ?, sealed_enc = ? WHERE id = ?', [
          SEALED_NOTICE_TITLE, SEALED_NOTICE_BODY, FieldCipher.encrypt(JSON.stringify(content)), Number(n.id),
        ]);
      }
      const outbox: { id: number | string; dedupe_key: string; payload: string }[] = await queryRunner.query(
        "SELECT id, dedupe_key, payload FROM outbox WHERE topic = 'wechat.subscribe' AND dedupe_key LIKE ?", [`case:${caseId}:%:u${userId}`]);
      for (const o of outbox) {
        await queryRunner.query('UPDATE outbox SET dedupe_key = ?, payload = ? WHERE id = ?', [
          sealedDedupeKey(o.dedupe_key), FieldCipher.encrypt(o.payload), Number(o.id),
        ]);
      }
      await queryRunner.query('UPDATE cases SET reporter_key = ? WHERE id = ?', [sealedReporterKeyOf(userId), caseId]);
      await queryRunner.query('UPDATE case_events SET actor_id = NULL WHERE case_id = ? AND actor_id = ?', [caseId, userId]);
      await queryRunner.query('UPDATE uploads SET owner_id = ? WHERE case_id = ? AND owner_id = ?', [DISOWNED_UPLOAD_OWNER, caseId, userId]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The keyed rows cannot be turned back into user ids: the keys are dropped (see up()).
    const c = columnsFor(queryRunner);
    await queryRunner.dropColumn('notifications', 'sealed_enc');
    await queryRunner.dropTable('idempotency_keys');
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [c.id(), c.int('user_id'), c.str('key', 64), c.str('request_hash', 64), c.int('case_id'), c.datetime('created_at')],
        indices: [new TableIndex({ name: 'uq_idempotency_keys_user_key', columnNames: ['user_id', 'key'], isUnique: true })],
      }),
    );
  }
}

import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/** Cases (上报), their timeline and deadlines, uploads, idempotency keys, notifications and the outbox. */
export class Cases1764100000000 implements MigrationInterface {
  name = 'Cases1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    const idx = (columnNames: string[], name: string, isUnique = false) => new TableIndex({ name, columnNames, isUnique });

    await queryRunner.createTable(
      new Table({
        name: 'cases',
        columns: [
          c.id(),
          c.str('number', 20),
          c.str('kind', 16),
          c.str('subcategory', 32),
          c.str('title', 100),
          c.text('description'),
          c.int('community_id'),
          c.str('org_path', 255),
          c.int('officer_id', { nullable: true }),
          c.int('reporter_id', { nullable: true }),
          c.str('reporter_key', 64),
          c.str('status', 20),
          c.str('anonymity', 8),
          c.str('contact_preference', 16),
          c.str('address_text', 200, { nullable: true }),
          c.double('latitude'),
          c.double('longitude'),
          c.datetime('occurred_at', { nullable: true }),
          c.str('other_party_enc', 600, { nullable: true }),
          c.bool('serious_risk', false),
          c.bool('held_for_review', false),
          c.datetime('next_due_at', { nullable: true }),
          c.int('escalation', { default: 0 }),
          c.int('duplicate_of_id', { nullable: true }),
          c.int('rating', { nullable: true }),
          c.str('rating_comment', 200, { nullable: true }),
          c.datetime('resolved_at', { nullable: true }),
          c.datetime('closed_at', { nullable: true }),
          c.datetime('created_at'),
          c.datetime('updated_at'),
          c.int('version'),
        ],
        indices: [
          idx(['number'], 'uq_cases_number', true),
          idx(['org_path', 'status', 'next_due_at'], 'ix_cases_scope_queue'),
          idx(['officer_id', 'status', 'next_due_at'], 'ix_cases_officer_queue'),
          idx(['reporter_key', 'created_at'], 'ix_cases_reporter'),
          idx(['community_id', 'status'], 'ix_cases_community'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'case_events',
        columns: [
          c.id(),
          c.int('case_id'),
          c.str('type', 24),
          c.str('from_status', 20, { nullable: true }),
          c.str('to_status', 20, { nullable: true }),
          c.int('actor_id', { nullable: true }),
          c.str('actor_role', 32, { nullable: true }),
          c.bool('is_public', true),
          c.str('note', 1000, { nullable: true }),
          c.datetime('at'),
        ],
        indices: [idx(['case_id', 'id'], 'ix_case_events_case')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'case_deadlines',
        columns: [
          c.id(),
          c.int('case_id'),
          c.str('kind', 16),
          c.datetime('due_at'),
          c.datetime('met_at', { nullable: true }),
          c.int('escalation', { default: 0 }),
          c.datetime('next_check_at', { nullable: true }),
          c.str('lease_owner', 64, { nullable: true }),
          c.datetime('lease_until', { nullable: true }),
        ],
        indices: [
          idx(['met_at', 'next_check_at'], 'ix_case_deadlines_due'),
          idx(['case_id', 'kind'], 'uq_case_deadlines_case_kind', true),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [c.id(), c.int('user_id'), c.str('key', 64), c.str('request_hash', 64), c.int('case_id'), c.datetime('created_at')],
        indices: [idx(['user_id', 'key'], 'uq_idempotency_keys_user_key', true)],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'case_sealed_reporters',
        columns: [{ ...c.int('case_id'), isPrimary: true }, c.str('reporter_id_enc', 255)],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'case_unseals',
        columns: [c.id(), c.int('case_id'), c.int('by_user_id'), c.str('reason', 200), c.datetime('at')],
        indices: [idx(['at'], 'ix_case_unseals_at')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'uploads',
        columns: [
          { ...c.str('id', 36), isPrimary: true },
          c.int('owner_id'),
          c.int('case_id', { nullable: true }),
          c.str('storage_key', 128),
          c.str('content_type', 32),
          c.int('bytes'),
          c.datetime('created_at'),
        ],
        indices: [idx(['case_id'], 'ix_uploads_case')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          c.id(),
          c.int('user_id'),
          c.int('case_id', { nullable: true }),
          c.str('title', 64),
          c.str('body', 500),
          c.datetime('read_at', { nullable: true }),
          c.datetime('created_at'),
        ],
        indices: [idx(['user_id', 'id'], 'ix_notifications_user')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'outbox',
        columns: [
          c.id(),
          c.str('topic', 32),
          c.str('dedupe_key', 128),
          c.text('payload'),
          c.str('status', 8),
          c.int('attempts', { default: 0 }),
          c.datetime('next_attempt_at'),
          c.datetime('lease_until', { nullable: true }),
          c.str('last_error', 300, { nullable: true }),
          c.datetime('created_at'),
          c.datetime('sent_at', { nullable: true }),
        ],
        indices: [idx(['dedupe_key'], 'uq_outbox_dedupe', true), idx(['status', 'next_attempt_at'], 'ix_outbox_pending')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'outbox', 'notifications', 'uploads', 'case_unseals', 'case_sealed_reporters', 'idempotency_keys',
      'case_deadlines', 'case_events', 'cases',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}

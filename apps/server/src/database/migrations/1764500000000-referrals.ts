import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/** 办事指引 catalogue versions and 请民警协助 records; referrals, their targets, pile-up agenda items and governance classes. */
export class Referrals1764500000000 implements MigrationInterface {
  name = 'Referrals1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    const idx = (columnNames: string[], name: string, isUnique = false) => new TableIndex({ name, columnNames, isUnique });

    await queryRunner.createTable(
      new Table({
        name: 'service_matters',
        columns: [
          c.id(), c.str('code', 64), c.int('version'), c.str('title', 100), c.text('content'), c.bool('is_current', true),
          c.int('edited_by', { nullable: true }), c.datetime('created_at'),
        ],
        indices: [idx(['code', 'version'], 'uq_service_matters_code_version', true), idx(['is_current', 'code'], 'ix_service_matters_current')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'case_assists',
        columns: [
          { ...c.int('case_id'), isPrimary: true }, c.str('matter_code', 64), c.int('matter_version'), c.str('route_type', 24),
          c.str('helper_name_enc', 255, { nullable: true }), c.str('mode', 16, { nullable: true }),
          c.int('planned_by', { nullable: true }), c.datetime('planned_at', { nullable: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'referral_targets',
        columns: [c.id(), c.str('kind', 24), c.str('name', 64), c.str('phone', 32, { nullable: true }), c.int('org_unit_id', { nullable: true }), c.bool('active', true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'referral_target_staff',
        columns: [c.id(), c.int('target_id'), c.int('user_id')],
        indices: [idx(['user_id', 'target_id'], 'uq_referral_target_staff', true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'referrals',
        columns: [
          c.id(), c.int('case_id'), c.int('target_id'), c.str('reason', 500), c.int('contact_user_id'), c.int('created_by'),
          c.str('status', 12), c.str('category', 64), c.str('branch_path', 255), c.datetime('receipt_due_at'), c.datetime('reply_due_at'),
          c.datetime('signed_at', { nullable: true }), c.str('signed_by_label', 64, { nullable: true }),
          c.datetime('replied_at', { nullable: true }), c.str('reply_outcome', 1000, { nullable: true }),
          c.str('reply_evidence', 1000, { nullable: true }), c.str('replied_by_label', 64, { nullable: true }),
          c.str('idempotency_key', 64), c.str('external_order_no', 64, { nullable: true }), c.str('external_status', 16, { nullable: true }),
          c.datetime('external_synced_at', { nullable: true }), c.int('escalation', { default: 0 }),
          c.datetime('next_check_at', { nullable: true }), c.str('lease_owner', 64, { nullable: true }), c.datetime('lease_until', { nullable: true }),
          c.datetime('created_at'), c.datetime('updated_at'),
        ],
        indices: [
          idx(['case_id'], 'ix_referrals_case'),
          idx(['target_id', 'status'], 'ix_referrals_target'),
          idx(['status', 'next_check_at'], 'ix_referrals_due'),
          idx(['target_id', 'category', 'branch_path', 'created_at'], 'ix_referrals_pileup'),
          idx(['external_status', 'external_synced_at'], 'ix_referrals_hotline_sync'),
          idx(['idempotency_key'], 'uq_referrals_idempotency_key', true),
          idx(['external_order_no'], 'uq_referrals_external_order', true),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'referral_agenda_items',
        columns: [
          c.id(), c.int('target_id'), c.str('category', 64), c.str('branch_path', 255), c.datetime('period_start'), c.datetime('period_end'),
          c.int('count'), c.int('threshold'), c.datetime('created_at'), c.datetime('updated_at'),
        ],
        indices: [idx(['target_id', 'category', 'branch_path', 'period_start'], 'uq_referral_agenda_items', true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'case_governance',
        columns: [{ ...c.int('case_id'), isPrimary: true }, c.str('governance_class', 16), c.int('classified_by'), c.datetime('classified_at')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['case_governance', 'referral_agenda_items', 'referrals', 'referral_target_staff', 'referral_targets', 'case_assists', 'service_matters']) {
      await queryRunner.dropTable(table);
    }
  }
}

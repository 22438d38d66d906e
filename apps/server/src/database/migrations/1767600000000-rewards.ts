import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * 激励奖励 (docs/rewards.md): 一事一奖 rewards (one per deed: the unique `deed_key`, cleared when a
 * proposal is refused), 成绩突出社区民警 (one per officer and month), and on bulletins the resident a
 * 正气 post names and their consent.
 */
export class Rewards1767600000000 implements MigrationInterface {
  name = 'Rewards1767600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const col = columnsFor(queryRunner);
    await queryRunner.createTable(new Table({
      name: 'rewards',
      columns: [
        col.id(),
        col.str('deed_key', 40, { nullable: true }),
        col.str('deed_type', 10),
        col.int('case_id', { nullable: true }),
        col.int('bulletin_id', { nullable: true }),
        col.int('resident_id'),
        col.int('community_id'),
        col.str('org_path', 255),
        col.str('kind', 10),
        col.str('form', 10),
        col.int('amount_cents', { nullable: true }),
        col.str('deed_enc', 1200),
        col.str('status', 10),
        col.int('proposed_by'),
        col.datetime('proposed_at'),
        col.int('decided_by', { nullable: true }),
        col.datetime('decided_at', { nullable: true }),
        col.str('refusal_reason', 600, { nullable: true }),
      ],
    }));
    await queryRunner.createIndex('rewards', new TableIndex({ name: 'uq_rewards_deed', columnNames: ['deed_key'], isUnique: true }));
    await queryRunner.createIndex('rewards', new TableIndex({ name: 'ix_rewards_scope', columnNames: ['org_path', 'proposed_at'] }));
    await queryRunner.createIndex('rewards', new TableIndex({ name: 'ix_rewards_resident', columnNames: ['resident_id', 'status'] }));
    await queryRunner.createIndex('rewards', new TableIndex({ name: 'ix_rewards_proposer', columnNames: ['proposed_by', 'proposed_at'] }));
    await queryRunner.createTable(new Table({
      name: 'officer_honours',
      columns: [col.id(), col.int('officer_id'), col.str('month', 7), col.str('org_path', 255), col.int('named_by'), col.datetime('named_at')],
    }));
    await queryRunner.createIndex('officer_honours', new TableIndex({ name: 'uq_officer_honours', columnNames: ['officer_id', 'month'], isUnique: true }));
    await queryRunner.createIndex('officer_honours', new TableIndex({ name: 'ix_officer_honours_month', columnNames: ['month', 'org_path'] }));
    await queryRunner.addColumns('bulletins', [
      new TableColumn(col.int('named_user_id', { nullable: true })),
      new TableColumn(col.str('naming', 10, { nullable: true })),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('bulletins', 'naming');
    await queryRunner.dropColumn('bulletins', 'named_user_id');
    await queryRunner.dropTable('officer_honours');
    await queryRunner.dropTable('rewards');
  }
}

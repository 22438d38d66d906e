import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/** 安全防范 actions officers record (figures/data/prevention-action.entity.ts, docs/figures.md). */
export class PreventionActions1766900000000 implements MigrationInterface {
  name = 'PreventionActions1766900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const col = columnsFor(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'prevention_actions',
        columns: [
          col.id(),
          col.str('kind', 12),
          col.datetime('acted_at'),
          col.str('place_enc', 600),
          col.str('note_enc', 1200, { nullable: true }),
          col.int('case_id', { nullable: true }),
          col.int('community_id'),
          col.str('org_path', 255),
          col.int('officer_id'),
          col.datetime('created_at'),
        ],
      }),
    );
    await queryRunner.createIndex('prevention_actions', new TableIndex({ name: 'ix_prevention_actions_scope', columnNames: ['org_path', 'acted_at'] }));
    await queryRunner.createIndex('prevention_actions', new TableIndex({ name: 'ix_prevention_actions_officer', columnNames: ['officer_id', 'acted_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('prevention_actions');
  }
}

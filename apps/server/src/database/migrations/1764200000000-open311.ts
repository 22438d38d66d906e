import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/** Open311 GeoReport v2: partner systems (hashed api_key) and the tokens answered to their submissions. */
export class Open3111764200000000 implements MigrationInterface {
  name = 'Open3111764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'open311_partners',
        columns: [
          c.id(),
          c.str('name', 100),
          c.str('key_hash', 64),
          c.int('community_id', { nullable: true }),
          c.datetime('created_at'),
        ],
        indices: [new TableIndex({ name: 'uq_open311_partners_key_hash', columnNames: ['key_hash'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'open311_tokens',
        columns: [
          { ...c.str('token', 64), isPrimary: true },
          c.int('case_id'),
          c.int('partner_id'),
          c.str('request_hash', 64),
          c.datetime('created_at'),
        ],
        indices: [new TableIndex({ name: 'ix_open311_tokens_case', columnNames: ['case_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('open311_tokens');
    await queryRunner.dropTable('open311_partners');
  }
}

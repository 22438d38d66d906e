import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * `outbox.lease_owner`: the deliverer claims a batch of due rows with one conditional UPDATE that
 * writes its claim token here, then reads back the rows carrying the token (the ones it won), instead
 * of one claim and one read per row (lease.ts, claimBatch).
 */
export class OutboxClaimOwner1765200000000 implements MigrationInterface {
  name = 'OutboxClaimOwner1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('outbox', new TableColumn(columnsFor(queryRunner).str('lease_owner', 64, { nullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('outbox', 'lease_owner');
  }
}

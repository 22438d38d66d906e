import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * Join decisions are told to the resident:
 * - `memberships.refusal_reason`: why the officer refused a join request (拒绝理由, shown to the
 *   resident on the join page; cleared when they ask again or join);
 * - `notifications.link`: the page a notice about neither a case nor a room opens (首页 after
 *   已加入社区, the join page after a refusal).
 */
export class JoinDecisions1765600000000 implements MigrationInterface {
  name = 'JoinDecisions1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const columns = columnsFor(queryRunner);
    await queryRunner.addColumn('memberships', new TableColumn(columns.str('refusal_reason', 200, { nullable: true })));
    await queryRunner.addColumn('notifications', new TableColumn(columns.str('link', 16, { nullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('notifications', 'link');
    await queryRunner.dropColumn('memberships', 'refusal_reason');
  }
}

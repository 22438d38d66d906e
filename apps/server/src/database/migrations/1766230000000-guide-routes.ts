import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { reviseSeededMatters } from '../../service-guide/data/catalogue-revision';
import { columnsFor } from './schema-helpers';

/**
 * 办事指引 routes a police officer would sign (issue #23):
 * - `org_units.address` and `org_units.phone`: a station's address and phone, shown to residents
 *   under every 派出所 route as their own station's (null until the station's data is entered);
 * - the seeded matters move to the rewritten catalogue (警务室上报 first for disputes and hazards,
 *   when to call 110, real steps instead of one template) as a new version each, the way an
 *   admin's edit does; matters an admin has already reworded are left as they are.
 */
export class GuideRoutes1766230000000 implements MigrationInterface {
  name = 'GuideRoutes1766230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const col = columnsFor(queryRunner);
    await queryRunner.addColumns('org_units', [
      new TableColumn(col.str('address', 200, { nullable: true })),
      new TableColumn(col.str('phone', 32, { nullable: true })),
    ]);
    await reviseSeededMatters(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The new versions stay on record (every edit does); only the columns go.
    await queryRunner.dropColumn('org_units', 'phone');
    await queryRunner.dropColumn('org_units', 'address');
  }
}

import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Expression of `cases.station_id`: the third id of the community's path (city/branch/station/
 * community, `/1/2/3/4/` → 3; 0 for a shorter path), written with SUBSTR and INSTR only, which
 * MariaDB/MySQL and SQLite both have. The entity maps the same text (TypeORM compares them).
 */
const AFTER_CITY = "SUBSTR(org_path, INSTR(SUBSTR(org_path, 2), '/') + 2)";
const AFTER_BRANCH = `SUBSTR(${AFTER_CITY}, INSTR(${AFTER_CITY}, '/') + 1)`;
export const STATION_ID_EXPRESSION = `CAST(SUBSTR(${AFTER_BRANCH}, 1, INSTR(${AFTER_BRANCH}, '/') - 1) AS INTEGER)`;

/**
 * `cases.station_id`, a virtual column the database computes from `org_path`, and
 * ix_cases_station_due (station_id, queue_band, next_due_at, id DESC): a station leader's open
 * queue (督办) is then read like an officer's (QueueDue1764700000000), a page in index order and
 * the count on the index, instead of sorting every open case of the station's `org_path LIKE`
 * range (`pnpm bench`: the station leader row). Being computed, it follows a transfer's new path
 * without any code writing it.
 */
export class StationQueue1765000000000 implements MigrationInterface {
  name = 'StationQueue1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql';
    if (mysql) {
      // As for queue_band: the column by hand (TypeORM writes NULL after VIRTUAL, which MariaDB
      // refuses) and the expression where TypeORM looks for it.
      await queryRunner.query(`ALTER TABLE cases ADD COLUMN station_id INT AS (${STATION_ID_EXPRESSION}) VIRTUAL`);
      await queryRunner.query(
        "INSERT INTO typeorm_metadata (`type`, `schema`, `table`, `name`, `value`) VALUES ('GENERATED_COLUMN', DATABASE(), 'cases', 'station_id', ?)",
        [STATION_ID_EXPRESSION],
      );
    } else {
      await queryRunner.addColumn(
        'cases',
        new TableColumn({ name: 'station_id', type: 'int', isNullable: true, generatedType: 'VIRTUAL', asExpression: STATION_ID_EXPRESSION }),
      );
    }
    await queryRunner.query('CREATE INDEX ix_cases_station_due ON cases (station_id, queue_band, next_due_at, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql';
    await queryRunner.query(mysql ? 'DROP INDEX ix_cases_station_due ON cases' : 'DROP INDEX ix_cases_station_due');
    if (mysql) {
      await queryRunner.query('ALTER TABLE cases DROP COLUMN station_id');
      await queryRunner.query("DELETE FROM typeorm_metadata WHERE `type` = 'GENERATED_COLUMN' AND `table` = 'cases' AND `name` = 'station_id'");
    } else {
      await queryRunner.dropColumn('cases', 'station_id');
    }
  }
}

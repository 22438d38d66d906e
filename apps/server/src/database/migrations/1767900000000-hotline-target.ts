import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 12345 referral target, made once here under the migration lock (run-migrations.ts).
 * Instances starting together on a new database each used to check for it and insert it, and
 * two could both insert. Start-up still makes it if someone removed it (referrals.service.ts).
 */
export class HotlineTarget1767900000000 implements MigrationInterface {
  name = 'HotlineTarget1767900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows = (await queryRunner.query("SELECT COUNT(*) AS n FROM referral_targets WHERE kind = 'hotline_12345'")) as { n: number | string }[];
    if (Number(rows[0].n) > 0) return;
    await queryRunner.query(
      "INSERT INTO referral_targets (kind, name, phone, org_unit_id, active) VALUES ('hotline_12345', '12345政务服务便民热线', '12345', NULL, 1)",
    );
  }

  async down(): Promise<void> {
    // The target may have referrals by now; it stays.
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Removes the `informant.sealed_report` audit entries. Each was written the moment a sealed report
 * was made: without actor or address, but its time and place in the log sat next to the
 * informant's own sign-in, so an auditor could tell who made the report. Who made it stays where
 * it always was, encrypted in `case_sealed_reporters`; unsealing is audited (`informant.unsealed`).
 */
export class SealedReportAudit1766040000000 implements MigrationInterface {
  name = 'SealedReportAudit1766040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM audit_entries WHERE action = 'informant.sealed_report'");
  }

  async down(): Promise<void> {
    // The entries are gone for good: writing them again would bring the link back.
  }
}

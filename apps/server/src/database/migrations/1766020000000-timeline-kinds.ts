import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Timeline entries carry their kind, not a sentence to match: a reporter's 申请调解 was a public
 * `note` event reading '上报人申请调解' (found again by that wording); it becomes its own kind,
 * `mediation_requested` (TimelineEventType.MediationRequested). The sentence stays as the entry's
 * text, which is what the case page shows.
 */
export class TimelineKinds1766020000000 implements MigrationInterface {
  name = 'TimelineKinds1766020000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("UPDATE case_events SET type = 'mediation_requested' WHERE type = 'note' AND note = '上报人申请调解'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("UPDATE case_events SET type = 'note' WHERE type = 'mediation_requested'");
  }
}

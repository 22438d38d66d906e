import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/** 会商调度: reviews, missed periods, follow-ups, 重大问题 and 挂点 links (reviews/data/, docs/reviews.md). */
export class Reviews1767400000000 implements MigrationInterface {
  name = 'Reviews1767400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const col = columnsFor(queryRunner);
    const period = () => [col.int('org_id'), col.str('org_path', 255), col.str('unit', 8), col.str('period_from', 10), col.str('period_to', 10)];
    await queryRunner.createTable(new Table({
      name: 'reviews',
      columns: [
        col.id(), ...period(), col.str('held_on', 10), col.str('attendees', 400), col.text('summary'), col.int('recorded_by'), col.datetime('recorded_at'),
      ],
    }));
    await queryRunner.createIndex('reviews', new TableIndex({ name: 'uq_reviews_org_period', columnNames: ['org_id', 'period_from'], isUnique: true }));
    await queryRunner.createIndex('reviews', new TableIndex({ name: 'ix_reviews_scope', columnNames: ['org_path', 'period_from'] }));
    await queryRunner.createTable(new Table({ name: 'review_misses', columns: [col.id(), ...period(), col.datetime('reported_at')] }));
    await queryRunner.createIndex('review_misses', new TableIndex({ name: 'uq_review_misses_org_period', columnNames: ['org_id', 'period_from'], isUnique: true }));
    await queryRunner.createIndex('review_misses', new TableIndex({ name: 'ix_review_misses_scope', columnNames: ['org_path', 'period_from'] }));
    await queryRunner.createTable(new Table({
      name: 'review_follow_ups',
      columns: [
        col.id(), col.int('review_id'), col.int('org_id'), col.str('org_path', 255), col.str('content', 600), col.int('owner_id'), col.str('deadline', 10),
        col.datetime('due_at'), col.str('status', 8), col.datetime('escalated_at', { nullable: true }), col.datetime('done_at', { nullable: true }),
        col.str('done_note', 600, { nullable: true }), col.datetime('lease_until', { nullable: true }), col.datetime('created_at'),
      ],
    }));
    await queryRunner.createIndex('review_follow_ups', new TableIndex({ name: 'ix_review_follow_ups_owner', columnNames: ['owner_id', 'status'] }));
    await queryRunner.createIndex('review_follow_ups', new TableIndex({ name: 'ix_review_follow_ups_scope', columnNames: ['org_path', 'status'] }));
    await queryRunner.createIndex('review_follow_ups', new TableIndex({ name: 'ix_review_follow_ups_due', columnNames: ['status', 'escalated_at', 'due_at'] }));
    await queryRunner.createTable(new Table({
      name: 'major_issues',
      columns: [
        col.id(), col.int('station_id'), col.str('station_path', 255), col.str('title', 120), col.text('detail'), col.int('raised_by'), col.datetime('raised_at'),
        col.int('leader_id'), col.str('deadline', 10), col.str('status', 8), { ...col.text('feedback'), isNullable: true }, col.datetime('answered_at', { nullable: true }),
      ],
    }));
    await queryRunner.createIndex('major_issues', new TableIndex({ name: 'ix_major_issues_leader', columnNames: ['leader_id', 'status'] }));
    await queryRunner.createIndex('major_issues', new TableIndex({ name: 'ix_major_issues_station', columnNames: ['station_id', 'raised_at'] }));
    await queryRunner.createTable(new Table({ name: 'station_links', columns: [{ ...col.int('station_id'), isPrimary: true }, col.int('leader_id')] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of ['station_links', 'major_issues', 'review_follow_ups', 'review_misses', 'reviews']) await queryRunner.dropTable(t);
  }
}

import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/** 核查 (inquiries) of 信访/督察 (inspection/data/inquiry.entity.ts, docs/accountability.md). */
export class InspectionInquiries1767500000000 implements MigrationInterface {
  name = 'InspectionInquiries1767500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const col = columnsFor(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'inspection_inquiries',
        columns: [
          col.id(),
          col.int('case_id'),
          col.str('org_path', 255),
          col.int('officer_id', { nullable: true }),
          col.int('inspector_id'),
          col.str('outcome', 16),
          col.text('findings_enc'),
          col.datetime('created_at'),
        ],
      }),
    );
    await queryRunner.createIndex('inspection_inquiries', new TableIndex({ name: 'ix_inspection_inquiries_case', columnNames: ['case_id', 'created_at'] }));
    await queryRunner.createIndex('inspection_inquiries', new TableIndex({ name: 'ix_inspection_inquiries_scope', columnNames: ['org_path', 'created_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('inspection_inquiries');
  }
}

import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * `users.token_version`: access tokens carry the version they were issued at, and one older than
 * the user's is refused. Logout, a revoked refresh family and a role change raise it, so those end
 * the person's access tokens at once instead of up to 15 minutes later.
 */
export class TokenVersion1766050000000 implements MigrationInterface {
  name = 'TokenVersion1766050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const col = columnsFor(queryRunner);
    await queryRunner.addColumn('users', new TableColumn(col.int('token_version', { default: 0 })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'token_version');
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TYPEORM_CHECKED_VERSION } from './unit-of-work';

/**
 * The unit of work (unit-of-work.ts) relies on TypeORM internals: the QueryRunner's
 * `isTransactionActive` and `transactionDepth` fields and its `query` method. This test fails on
 * any TypeORM upgrade, so that whoever upgrades checks them again (test/sql.service-spec.ts shows
 * the behaviour on MariaDB) before moving TYPEORM_CHECKED_VERSION.
 */
describe('TypeORM internals the unit of work relies on', () => {
  const typeormDir = join(require.resolve('typeorm'), '..');
  const installed = (JSON.parse(readFileSync(join(typeormDir, 'package.json'), 'utf8')) as { version: string }).version;

  it('are those of the TypeORM version it was checked against', () => {
    expect({ installed }).toEqual({ installed: TYPEORM_CHECKED_VERSION });
  });

  it('still name the transaction state the MySQL query runner reads and writes', () => {
    const base = readFileSync(join(typeormDir, 'query-runner/BaseQueryRunner.js'), 'utf8');
    const mysql = readFileSync(join(typeormDir, 'driver/mysql/MysqlQueryRunner.js'), 'utf8');
    expect(base).toMatch(/this\.isTransactionActive = false/);
    expect(base).toMatch(/this\.transactionDepth = 0/);
    // startTransaction opens a real transaction only at depth 0; a nested one is a SAVEPOINT.
    expect(mysql).toMatch(/if \(this\.transactionDepth === 0\)[\s\S]{0,200}START TRANSACTION/);
    expect(mysql).toMatch(/SAVEPOINT typeorm_/);
    // EntityManager.transaction runs inline when its runner says a transaction is active.
    const manager = readFileSync(join(typeormDir, 'entity-manager/EntityManager.js'), 'utf8');
    expect(manager).toMatch(/isTransactionActive/);
  });
});

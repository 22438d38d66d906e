import { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column builders for migrations that must run unchanged on MySQL/MariaDB and on SQLite:
 * the only differences we need are the auto-increment key type and datetime precision.
 */
export function columnsFor(queryRunner: QueryRunner) {
  const mysql = queryRunner.connection.options.type === 'mysql';
  return {
    id: (): TableColumnOptions => ({
      name: 'id',
      type: mysql ? 'int' : 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    }),
    int: (name: string, opts: { nullable?: boolean; default?: number } = {}): TableColumnOptions => ({
      name,
      type: 'int',
      isNullable: opts.nullable ?? false,
      ...(opts.default !== undefined ? { default: opts.default } : {}),
    }),
    str: (name: string, length: number, opts: { nullable?: boolean } = {}): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: opts.nullable ?? false,
    }),
    text: (name: string): TableColumnOptions => ({ name, type: 'text', isNullable: false }),
    double: (name: string): TableColumnOptions => ({ name, type: mysql ? 'double' : 'real', isNullable: true }),
    bool: (name: string, dflt: boolean): TableColumnOptions => ({
      name,
      type: 'boolean',
      default: mysql ? (dflt ? 1 : 0) : dflt ? 1 : 0,
    }),
    datetime: (name: string, opts: { nullable?: boolean; defaultNow?: boolean } = {}): TableColumnOptions => ({
      name,
      type: 'datetime',
      ...(mysql ? { precision: 3 } : {}),
      isNullable: opts.nullable ?? false,
      ...(opts.defaultNow ? { default: mysql ? 'CURRENT_TIMESTAMP(3)' : "(datetime('now'))" } : {}),
    }),
  };
}

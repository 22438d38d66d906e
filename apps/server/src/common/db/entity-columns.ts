import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral, ValueTransformer } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { parseDbDate } from '../db-date';

/**
 * An entity's columns for hand-written SQL, read from TypeORM's metadata (public API) rather than
 * kept by hand: which columns an INSERT fills and a SELECT reads, and which carry a transformer
 * (the encrypted ones: `encryptedTransformer`, personal-data/field-cipher.ts). Values written are
 * transformed (encrypted) and values read are converted by column type and transformed back
 * (decrypted), as TypeORM's own persistence and hydration would do.
 */
export interface EntityColumns<T> {
  /** Every selectable column, qualified: `alias.col, alias.col, …`. */
  select(alias: string): string;
  /** The columns an INSERT fills (not generated), in the order `insertValues` gives their values. */
  readonly insertColumns: readonly string[];
  /** The entity's values for `insertColumns`, transformed (encrypted) for storage. */
  insertValues(entity: T): unknown[];
  /** A raw row (as the driver returns it, keyed by column name) as the entity, decrypted, after-load hooks run. */
  fromRow(row: Record<string, unknown>): T;
  /** The database names of the columns stored through a transformer (the encrypted columns). */
  readonly transformedColumns: readonly string[];
  /** A stored value of one column as read: converted and transformed back (decrypted). */
  read(databaseName: string, value: unknown): unknown;
}

type Convert = (value: unknown) => unknown;

function converterOf(column: ColumnMetadata): Convert {
  const type = (typeof column.type === 'function' ? column.type.name : String(column.type)).toLowerCase();
  const base: Convert = ['datetime', 'timestamp', 'date', 'datetime2'].includes(type)
    ? parseDbDate
    : ['boolean', 'bool'].includes(type)
      ? (v) => Boolean(Number(v))
      : ['int', 'integer', 'smallint', 'bigint', 'tinyint', 'double', 'real', 'float', 'number'].includes(type)
        ? Number
        : String;
  const transformer = column.transformer as ValueTransformer | ValueTransformer[] | undefined;
  if (Array.isArray(transformer)) throw new Error(`entity-columns: ${column.databaseName} has several transformers`);
  return (value) => {
    if (value == null) return null;
    const converted = base(value);
    return transformer ? transformer.from(converted) : converted;
  };
}

function build<T extends ObjectLiteral>(metadata: EntityMetadata): EntityColumns<T> {
  const selectable = metadata.columns.filter((c) => c.isSelect && !c.isVirtual);
  const insertable = metadata.columns.filter((c) => c.isInsert && !c.isGenerated && !c.isVirtual);
  const convert = new Map(selectable.map((c) => [c.databaseName, converterOf(c)]));
  return {
    select: (alias) => selectable.map((c) => `${alias}.${c.databaseName}`).join(', '),
    insertColumns: insertable.map((c) => c.databaseName),
    insertValues: (entity) => insertable.map((c) => c.getEntityValue(entity, true) ?? null),
    fromRow: (row) => {
      const entity = metadata.create() as T;
      for (const c of selectable) c.setEntityValue(entity, (convert.get(c.databaseName) as Convert)(row[c.databaseName]));
      for (const listener of metadata.afterLoadListeners) listener.execute(entity);
      return entity;
    },
    transformedColumns: metadata.columns.filter((c) => c.transformer).map((c) => c.databaseName),
    read: (databaseName, value) => {
      const column = metadata.findColumnWithDatabaseName(databaseName);
      if (!column) throw new Error(`entity-columns: ${metadata.tableName} has no column ${databaseName}`);
      return converterOf(column)(value);
    },
  };
}

const cache = new WeakMap<EntityMetadata, EntityColumns<ObjectLiteral>>();

/** The columns of an entity (a class, or a table name for another feature's table read in a join). */
export function entityColumns<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>): EntityColumns<T> {
  const metadata = manager.connection.getMetadata(target);
  let columns = cache.get(metadata);
  if (!columns) {
    columns = build<ObjectLiteral>(metadata);
    cache.set(metadata, columns);
  }
  return columns as EntityColumns<T>;
}

import type { EntityManager } from 'typeorm';
import { containsPattern, sqlValues, valueTuples } from './sql';

const managerOf = (type: string) => ({ connection: { options: { type } } }) as unknown as EntityManager;

describe('hand-written SQL values', () => {
  const at = new Date('2026-11-24T12:34:56.789Z');

  it('passes values to MySQL as they are (mysql2 formats dates in UTC, booleans as TRUE/FALSE)', () => {
    const values = [1, 'a', at, true, null];
    expect(sqlValues(managerOf('mysql'), values)).toBe(values);
  });

  it('gives SQLite dates as UTC text and booleans as 0/1, as TypeORM stores them', () => {
    expect(sqlValues(managerOf('sqljs'), [at, true, false, undefined, 'x', 7])).toEqual(['2026-11-24 12:34:56.789', 1, 0, null, 'x', 7]);
  });

  it('writes the placeholders of a multi-row INSERT', () => {
    expect(valueTuples(2, 3)).toBe('(?, ?, ?), (?, ?, ?)');
  });

  it('makes a contains-pattern that takes %, _ and the escape character literally', () => {
    expect(containsPattern('胜利')).toBe('%胜利%');
    expect(containsPattern('100%_a!')).toBe('%100!%!_a!!%');
  });
});

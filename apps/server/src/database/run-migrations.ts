import { DataSource, Migration } from 'typeorm';

/** The MySQL named lock every instance takes before it migrates (GET_LOCK is per server, not per schema: the name carries the schema). */
const lockName = (schema: string) => `jws:migrations:${schema}`.slice(0, 64);

/** How long an instance waits for another one's migrations before it gives up starting (s). */
const LOCK_WAIT_SECONDS = 600;

/**
 * Applies pending migrations once, however many instances start at the same moment: on MySQL
 * the runner holds a named lock (GET_LOCK) on a connection of its own for the whole run, so a
 * second instance waits, then finds nothing pending. The embedded SQLite file has one process.
 * Used at start-up (database.module.ts) and by `pnpm --filter @jws/server migrate` (migrate.ts).
 */
export async function runMigrationsOnce(ds: DataSource): Promise<Migration[]> {
  if (ds.options.type !== 'mysql') return ds.runMigrations({ transaction: 'each' });
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    const [{ schema }] = (await runner.query('SELECT DATABASE() AS schema')) as { schema: string }[];
    const name = lockName(schema);
    const [{ got }] = (await runner.query('SELECT GET_LOCK(?, ?) AS got', [name, LOCK_WAIT_SECONDS])) as { got: number | string | null }[];
    if (Number(got) !== 1) throw new Error(`another instance has been migrating ${schema} for over ${LOCK_WAIT_SECONDS} s; not starting`);
    try {
      return await ds.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [name]);
    }
  } finally {
    await runner.release();
  }
}

import { DataSource } from 'typeorm';
import { buildAppConfig } from '../config/app-config';
import { validateEnv } from '../config/env.validation';
import { FieldCipher } from '../personal-data/field-cipher';
import { dataSourceOptions } from './data-source';
import { runMigrationsOnce } from './run-migrations';

/** `pnpm --filter @jws/server migrate`: apply pending migrations to the configured database. */
async function main(): Promise<void> {
  const config = buildAppConfig(validateEnv(process.env));
  // Some migrations re-key or encrypt rows (1764600000000-sealed-unlinkable), as start-up does.
  FieldCipher.install(config.dataEncryptionKey);
  const ds = new DataSource(dataSourceOptions(config.database));
  await ds.initialize();
  const applied = await runMigrationsOnce(ds);
  console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'schema is up to date');
  await ds.destroy();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

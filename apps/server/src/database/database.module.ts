import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { Database } from '../common/db/unit-of-work';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FieldCipher } from '../personal-data/field-cipher';
import { dataSourceOptions } from './data-source';
import { runMigrationsOnce } from './run-migrations';

/**
 * TypeORM on MySQL or embedded SQLite; committed migrations run at start-up, never synchronize.
 * Of several instances starting at once, one migrates and the others wait for it (run-migrations.ts).
 * Provides the unit of work (`Database`, common/db) everywhere.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        FieldCipher.install(config.dataEncryptionKey);
        return { ...dataSourceOptions(config.database), migrationsTransactionMode: 'each' as const };
      },
      dataSourceFactory: async (options?: DataSourceOptions) => {
        const ds = await new DataSource(options as DataSourceOptions).initialize();
        try {
          await runMigrationsOnce(ds);
        } catch (err) {
          await ds.destroy(); // a retry starts from a new pool
          throw err;
        }
        return ds;
      },
    }),
  ],
  providers: [Database],
  exports: [Database],
})
export class DatabaseModule {}

import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Database } from '../common/db/unit-of-work';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FieldCipher } from '../personal-data/field-cipher';
import { dataSourceOptions } from './data-source';

/**
 * TypeORM on MySQL or embedded SQLite; committed migrations run at start-up, never synchronize.
 * Provides the unit of work (`Database`, common/db) everywhere.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        FieldCipher.install(config.dataEncryptionKey);
        return { ...dataSourceOptions(config.database), migrationsRun: true, migrationsTransactionMode: 'each' as const };
      },
    }),
  ],
  providers: [Database],
  exports: [Database],
})
export class DatabaseModule {}

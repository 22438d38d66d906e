import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FieldCipher } from '../personal-data/field-cipher';
import { dataSourceOptions } from './data-source';

/** TypeORM on MySQL or embedded SQLite; committed migrations run at start-up, never synchronize. */
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
})
export class DatabaseModule {}

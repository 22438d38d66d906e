import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { BulletinsModule } from './bulletins';
import { CasesModule } from './cases/cases.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { loggerParams } from './common/logging';
import { REDIS, RedisModule } from './common/redis';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { MediationModule } from './mediation/mediation.module';
import { DeadLettersModule } from './notifications/dead-letters.module';
import { Open311Module } from './open311/open311.module';
import { OrgModule } from './org/org.module';
import { ReferralsModule } from './referrals/referrals.module';
import { ServiceGuideModule } from './service-guide/service-guide.module';
import { SupervisionModule } from './supervision/supervision.module';
import { FiguresModule } from './figures/figures.module';
import { InspectionModule } from './inspection';
import { ReviewFiguresModule, ReviewsModule } from './reviews';
import { RewardsModule } from './rewards';
import { WorkbenchModule } from './workbench/workbench.module';
import { UploadsModule } from './uploads/uploads.module';
import { WechatModule } from './wechat/wechat.module';

/** The service. `overrides` replace environment variables (tests use it instead of process.env). */
@Module({})
export class AppModule {
  static forRoot(overrides: Record<string, string> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(overrides),
        LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => loggerParams(c.logLevel, c.logFile) }),
        DatabaseModule,
        RedisModule,
        // With REDIS_URL the counts are kept in Redis, so a limit holds across all instances.
        ThrottlerModule.forRootAsync({
          inject: [REDIS],
          useFactory: (redis: Redis | null) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: 600 }],
            ...(redis ? { storage: new ThrottlerStorageRedisService(redis) } : {}),
          }),
        }),
        WechatModule,
        AuditModule,
        AccessModule,
        IdentityModule,
        OrgModule,
        UploadsModule,
        CasesModule,
        BulletinsModule,
        MediationModule,
        DeadLettersModule,
        Open311Module,
        ServiceGuideModule,
        ReferralsModule,
        SupervisionModule,
        FiguresModule,
        InspectionModule,
        ReviewsModule,
        ReviewFiguresModule,
        RewardsModule,
        WorkbenchModule,
        HealthModule,
        DemoModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}

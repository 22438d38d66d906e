import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { RateLimitScale } from '../common/rate-limit';
import { APP_CONFIG, AppConfig, buildAppConfig } from './app-config';
import { validateEnv } from './env.validation';

/**
 * Global configuration through @nestjs/config: the environment is validated by one schema
 * and resolved once into a typed AppConfig. Tests pass overrides instead of mutating process.env.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(overrides: Record<string, string> = {}): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          load: [() => ({ app: buildAppConfig(validateEnv({ ...process.env, ...overrides })) })],
        }),
      ],
      providers: [
        {
          provide: APP_CONFIG,
          inject: [ConfigService],
          useFactory: (config: ConfigService): AppConfig => {
            const app = config.getOrThrow<AppConfig>('app');
            RateLimitScale.value = app.rateLimitScale;
            return app;
          },
        },
      ],
      exports: [APP_CONFIG],
    };
  }
}

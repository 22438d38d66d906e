import { ERROR_MESSAGES, ErrorCode } from '@jws/contracts';
import { INestApplication, ValidationError } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { installHttp, JwsFastifyAdapter } from './common/http-adapter';
import { DomainException } from './common/domain.exception';
import { PlainNumbersValidationPipe } from './common/validation.pipe';
import { APP_CONFIG, AppConfig } from './config/app-config';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    return [...Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`), ...flatten(e.children ?? [], path)];
  });
}

/**
 * When every failed rule of a body says in Chinese what is wrong (请填写事项名称), that is the
 * message a person reads; class-validator's English defaults stay in `details` for developers.
 */
function reasonsForPeople(errors: ValidationError[]): string | null {
  const all = (list: ValidationError[]): string[] => list.flatMap((e) => [...Object.values(e.constraints ?? {}), ...all(e.children ?? [])]);
  const messages = all(errors);
  if (!messages.length || !messages.every((m) => /[\u4e00-\u9fff]/.test(m))) return null;
  return [...new Set(messages)].join('；');
}

/** Everything main.ts and the tests configure identically on the Nest application. */
export function configureApp(app: INestApplication): AppConfig {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  // Fastify itself: security headers, each route's body limit, photo uploads and the h5 build
  // (common/http-adapter.ts), before Nest registers its routes on init.
  installHttp(app.getHttpAdapter() as JwsFastifyAdapter, config);
  // Open311 GeoReport v2 has its own well-known root, /open311/v2 (docs/open311.md).
  app.setGlobalPrefix('api', { exclude: ['open311/{*path}'] });
  app.useGlobalPipes(
    new PlainNumbersValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new DomainException(ErrorCode.ValidationFailed, flatten(errors), reasonsForPeople(errors) ?? ERROR_MESSAGES[ErrorCode.ValidationFailed]),
    }),
  );
  app.enableShutdownHooks();

  const doc = new DocumentBuilder()
    .setTitle('指尖上的警务室 API')
    .setDescription(
      'Service API of the 指尖上的警务室 mini program. Errors are `{ code, message, errorId? }` with a Chinese message; codes are listed per endpoint.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'api/docs-json',
  });
  return config;
}

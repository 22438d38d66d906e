import { ERROR_MESSAGES, ErrorCode } from '@jws/contracts';
import { INestApplication, ValidationError } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { BODY_LIMITS, jsonReaders, rawBody } from './common/body-limits';
import { answerClientErrorsCoded } from './common/client-errors';
import { securityHeaders } from './common/security-headers';
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
  const express = app as NestExpressApplication;
  if (config.trustProxy) express.set('trust proxy', 1);
  express.disable('x-powered-by');
  // No ETag on API answers: express hashed every JSON body (SHA-1) to make one, and no client
  // sends If-None-Match (answers are per person and change; the h5 files keep serve-static's own).
  express.set('etag', false);
  answerClientErrorsCoded(app.getHttpServer());
  // helmet's headers, worked out once at start-up (common/security-headers.ts).
  app.use(securityHeaders());
  // Bodies are read here, each route with its limit (common/body-limits.ts): the 12345 webhook is
  // verified over its exact bytes, so it keeps them raw (the JSON readers then skip it).
  app.use(BODY_LIMITS.webhook12345.path, rawBody(BODY_LIMITS.webhook12345.bytes));
  app.use(BODY_LIMITS.auth.path, ...jsonReaders(BODY_LIMITS.auth.bytes));
  app.use(...jsonReaders(BODY_LIMITS.json.bytes));
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

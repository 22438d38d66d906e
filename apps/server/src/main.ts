import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { JwsFastifyAdapter } from './common/http-adapter';
import { validateEnv } from './config/env.validation';
import { DEMO_INVITE_CODE } from './demo/demo-seed';

async function bootstrap(): Promise<void> {
  try {
    validateEnv(process.env);
  } catch (err) {
    // A configuration problem is the operator's to fix: say which variable, no stack trace.
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
  // bodyParser: false: the readers with their per-route limits are configureApp's (common/body-limits.ts).
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(), new JwsFastifyAdapter(), { bufferLogs: true, bodyParser: false });
  const config = configureApp(app);
  // Every address, as Node's own default: Fastify alone would listen on localhost only.
  await app.listen(config.port, '::');
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `指尖上的警务室 is running: ${url}`,
    `  mini program (h5):  ${url}/`,
    `  API docs:           ${url}/api/docs   (OpenAPI JSON: ${url}/api/docs-json)`,
    `  health:             ${url}/api/health`,
    `  database:           ${config.database.kind === 'mysql' ? 'MySQL' : `embedded SQLite at ${config.database.file}`}`,
  ];
  if (config.demo) {
    lines.push(
      '  demo accounts (h5 role switcher, or POST /api/auth/dev-login {username}):',
      '    resident1, resident2 (not yet in a community), informant1, officer1..officer4, station_leader1, station_leader2,',
      '    branch_leader1, city_leader1, inspector1, mediator1, legal_reviewer1, department_staff1, admin1',
      `  demo invite code for 胜利社区: ${DEMO_INVITE_CODE}`,
    );
  }
  console.log(lines.join('\n'));
}

void bootstrap();

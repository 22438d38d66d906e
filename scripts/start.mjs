// `pnpm start`: the demo in one command. Builds what is stale, starts local fakes of the
// WeChat server API and of the 12345 work-order platform (neither is reachable from a
// development machine), then the
// service on the embedded SQLite database with demo data, serving the h5 build at `/`.
// The weapp build for WeChat DevTools is made in the background once the service is up.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isStale, mustRun, ROOT, run } from './lib.mjs';

const mp = join(ROOT, 'apps/miniprogram');
const contractsSrc = join(ROOT, 'packages/contracts/src');
const mpSources = [join(mp, 'src'), join(mp, 'config'), join(mp, 'package.json'), contractsSrc];

await mustRun('build shared packages and the service', 'pnpm', [
  '--filter', '@jws/contracts', '--filter', '@jws/wechat', '--filter', '@jws/server', 'run', 'build',
]);
if (isStale(join(mp, 'dist/h5/index.html'), mpSources)) {
  await mustRun('build the mini program for h5 (browser preview)', 'pnpm', ['--filter', '@jws/miniprogram', 'run', 'build:h5']);
}

// Quiet JSON request logs in the demo terminal unless asked for; the service defaults to info.
const env = { LOG_LEVEL: 'warn', ...process.env };
let fake = null;
if (!env.WECHAT_API_BASE_URL) {
  const { startFakeWechat } = createRequire(join(ROOT, 'apps/server/package.json'))('@jws/wechat');
  fake = await startFakeWechat({
    port: Number(env.FAKE_WECHAT_PORT ?? 0),
    appId: env.WECHAT_APP_ID ?? 'wx-demo-appid',
    appSecret: env.WECHAT_APP_SECRET ?? 'demo-app-secret',
  });
  env.WECHAT_API_BASE_URL = fake.url;
  console.log(`fake WeChat server API at ${fake.url} (codes "demo:<openid>" sign in as <openid>)`);
}

// The city's 12345 work-order platform is not reachable either: a local fake that accepts new
// orders after 10 s and replies after 2 minutes, so a referral to 12345 runs to its end in the demo.
let hotline = null;
if (!env.HOTLINE12345_BASE_URL) {
  const { startFakeHotline } = createRequire(import.meta.url)(join(ROOT, 'apps/server/dist/hotline12345/fake-hotline.js'));
  hotline = await startFakeHotline({
    port: Number(env.FAKE_12345_PORT ?? 0),
    token: env.HOTLINE12345_TOKEN ?? 'demo-12345-token',
    webhookSecret: env.HOTLINE12345_WEBHOOK_SECRET ?? 'demo-12345-webhook-secret',
    autoAcceptMs: 10_000,
    autoReplyMs: 120_000,
  });
  env.HOTLINE12345_BASE_URL = hotline.url;
  env.GOVERNANCE_REPORT_URL ??= hotline.url;
  console.log(`fake 12345 work-order platform at ${hotline.url} (orders: ${hotline.url}/__fake/orders)`);
}

const server = spawn(process.execPath, [join(ROOT, 'apps/server/dist/main.js')], { cwd: ROOT, stdio: 'inherit', env });
const stop = () => {
  server.kill('SIGTERM');
  fake?.close();
  hotline?.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  fake?.close();
  hotline?.close();
  process.exit(code ?? 0);
});

if (isStale(join(mp, 'dist/weapp/app.json'), mpSources)) {
  const code = await run('pnpm', ['--filter', '@jws/miniprogram', 'run', 'build:weapp'], { stdio: 'ignore' });
  console.log(
    code === 0
      ? `weapp build ready: import ${join(mp)} in WeChat DevTools (see README)`
      : 'weapp build failed: run `pnpm --filter @jws/miniprogram build:weapp` to see why',
  );
} else {
  console.log(`weapp build is up to date: import ${mp} in WeChat DevTools (see README)`);
}

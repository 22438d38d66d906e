/**
 * Runs the fake WeChat server on its own, for the demo and browser tests:
 *   PORT=8790 WECHAT_APP_ID=... WECHAT_APP_SECRET=... node dist/fake-server-main.js
 * Defaults match apps/server's demo credentials so both start with no configuration.
 */
import { startFakeWechat } from './fake-server';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  const fake = await startFakeWechat({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    appId: process.env.WECHAT_APP_ID ?? 'wx-demo-appid',
    appSecret: process.env.WECHAT_APP_SECRET ?? 'demo-app-secret',
  });
  // One parseable line: other processes read the URL from it when PORT is 0.
  console.log(`fake WeChat listening on ${fake.url} (appid ${fake.state.appId})`);

  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`fake WeChat failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

/**
 * Runs the fake 12345 platform on its own, for the demo and browser tests:
 *   PORT=8791 HOTLINE12345_TOKEN=... HOTLINE12345_WEBHOOK_SECRET=... node dist/hotline12345/fake-hotline-main.js
 * Defaults match the service's demo values. FAKE_12345_AUTO_ACCEPT_MS / FAKE_12345_AUTO_REPLY_MS
 * make new orders progress by themselves.
 */
import { startFakeHotline } from './fake-hotline';

async function main(): Promise<void> {
  const fake = await startFakeHotline({
    port: Number(process.env.PORT ?? 0),
    host: process.env.HOST ?? '127.0.0.1',
    token: process.env.HOTLINE12345_TOKEN ?? 'demo-12345-token',
    webhookSecret: process.env.HOTLINE12345_WEBHOOK_SECRET ?? 'demo-12345-webhook-secret',
    autoAcceptMs: Number(process.env.FAKE_12345_AUTO_ACCEPT_MS ?? 0),
    autoReplyMs: Number(process.env.FAKE_12345_AUTO_REPLY_MS ?? 0),
  });
  // One parseable line: other processes read the URL from it when PORT is 0.
  console.log(`fake 12345 listening on ${fake.url}`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`fake 12345 failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

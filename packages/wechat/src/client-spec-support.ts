import { WechatClient } from './client';
import { WechatApiError } from './errors';
import { startFakeWechat, type FakeWechat } from './fake-server';
import type { WechatClientOptions } from './types';

/** Shared by client.spec.ts and client-network.spec.ts: one fake WeChat per test file, reset before each test. */
export const APP_ID = 'wx-test-appid';
export const APP_SECRET = 'test-app-secret-3f9a7c';

export interface FakeWechatEnv {
  /** The running fake (set in beforeAll). */
  fake: FakeWechat;
  /** A client of the fake, with `overrides`. */
  client(overrides?: Partial<WechatClientOptions>): WechatClient;
}

export function useFakeWechat(): FakeWechatEnv {
  const env: FakeWechatEnv = {
    fake: undefined as unknown as FakeWechat,
    client: (overrides = {}) => new WechatClient({ appId: APP_ID, appSecret: APP_SECRET, baseUrl: env.fake.url, ...overrides }),
  };
  beforeAll(async () => {
    env.fake = await startFakeWechat({ appId: APP_ID, appSecret: APP_SECRET });
  });
  afterAll(() => env.fake.close());
  beforeEach(() => env.fake.state.reset());
  return env;
}

/** The rejection of `promise`, which must reject with a WechatApiError. */
export async function failure(promise: Promise<unknown>): Promise<WechatApiError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WechatApiError);
  return err as WechatApiError;
}

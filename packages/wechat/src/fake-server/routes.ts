import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleControl } from './control';
import { error, readJson, reply } from './http';
import { fakeImageCheck, readBytes } from './media';
import type { FakeWechatState } from './state';
import type { FakeReply, Json } from './types';

/* The WeChat endpoints the fake answers, routed to FakeWechatState's handlers. */

const TOKEN_ENDPOINTS: Record<string, (state: FakeWechatState, body: Json) => FakeReply> = {
  '/cgi-bin/message/subscribe/send': (s, b) => s.handleSubscribeSend(b),
  '/wxa/msg_sec_check': (s, b) => s.handleMsgSecCheck(b),
  '/wxa/business/getuserphonenumber': (s, b) => s.handleGetPhoneNumber(b),
  '/wxa/getwxacodeunlimit': (s, b) => s.handleGetUnlimitedQrCode(b),
};

/** Takes the image as a multipart file, not JSON (fake-server/media.ts). */
const IMG_SEC_CHECK = '/wxa/img_sec_check';

export async function handle(state: FakeWechatState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  if (path.startsWith('/__fake/')) return handleControl(state, method, path, req, res);

  const isWechatApi = path === '/sns/jscode2session' || path === '/cgi-bin/stable_token' || path === IMG_SEC_CHECK || path in TOKEN_ENDPOINTS;
  if (!isWechatApi) return reply(res, error(40066, 'invalid url'), 404);
  const expected = path === '/sns/jscode2session' ? 'GET' : 'POST';
  if (method !== expected) return reply(res, error(43002, `require ${expected} method`));
  state.inFlight++;
  state.peakInFlight = Math.max(state.peakInFlight, state.inFlight);
  try {
    if (state.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, state.latencyMs));
    await answer(state, url, path, req, res);
  } finally {
    state.inFlight--;
  }
}

async function answer(state: FakeWechatState, url: URL, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const injected = state.takeInjectedFailure(path);
  if (injected) return reply(res, injected);
  if (path === '/sns/jscode2session') return reply(res, state.handleJscode2session(url.searchParams));

  if (path === IMG_SEC_CHECK) {
    const tokenProblem = state.checkAccessToken(url.searchParams.get('access_token'));
    if (tokenProblem) return reply(res, tokenProblem);
    const bytes = await readBytes(req);
    return reply(res, bytes ? fakeImageCheck(state).handle(bytes, req.headers['content-type'] ?? '') : error(40006, 'invalid media size'));
  }
  const body = await readJson(req);
  if (!body) return reply(res, error(47001, 'data format error'));
  if (path === '/cgi-bin/stable_token') return reply(res, state.handleStableToken(body));
  const tokenProblem = state.checkAccessToken(url.searchParams.get('access_token'));
  if (tokenProblem) return reply(res, tokenProblem);
  return reply(res, TOKEN_ENDPOINTS[path]!(state, body));
}

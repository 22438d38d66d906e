import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJson, sendJson } from './http';
import type { FakeWechatState } from './state';

/** The `/__fake/...` control API: drives the fake from other processes (demo, browser tests). */
export async function handleControl(state: FakeWechatState, method: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  if (method === 'GET') {
    if (route === 'GET /__fake/sent-messages') return sendJson(res, 200, { messages: state.sentMessages });
    if (route === 'GET /__fake/state') {
      return sendJson(res, 200, {
        appId: state.appId,
        tokenRequests: state.tokenRequests,
        sentMessages: state.sentMessages.length,
        riskyWords: state.riskyWords,
        reviewWords: state.reviewWords,
        publishedPages: state.publishedPages,
      });
    }
    return sendJson(res, 404, { error: `unknown control route ${route}` });
  }
  if (method !== 'POST') return sendJson(res, 404, { error: `unknown control route ${route}` });

  const body = await readJson(req, true);
  if (!body) return sendJson(res, 400, { error: 'body must be a JSON object' });
  const str = (name: string): string | undefined => (typeof body[name] === 'string' && body[name] ? (body[name] as string) : undefined);
  const bad = (message: string) => sendJson(res, 400, { error: message });

  switch (route) {
    case 'POST /__fake/codes': {
      const openid = str('openid');
      if (!openid) return bad('openid is required');
      const unionid = str('unionid');
      return sendJson(res, 200, { code: state.issueCode(openid, unionid ? { unionid } : {}) });
    }
    case 'POST /__fake/phone-codes': {
      const phone = str('phone');
      if (!phone) return bad('phone is required');
      return sendJson(res, 200, { code: state.issuePhoneCode(phone, str('countryCode')) });
    }
    case 'POST /__fake/share-info': {
      // What getShareInfo gives `openid` (signed in since) for a card opened in WeChat group `group`.
      const openid = str('openid');
      const group = str('group');
      if (!openid || !group) return bad('openid and group are required');
      const info = state.shares.shareInfo(openid, group, str('appid'));
      return info ? sendJson(res, 200, info) : bad('that openid has not signed in');
    }
    case 'POST /__fake/expire-tokens':
      state.expireTokens();
      return sendJson(res, 200, { ok: true });
    case 'POST /__fake/fail-next': {
      const failPath = str('path');
      if (!failPath || typeof body.errcode !== 'number') return bad('path and numeric errcode are required');
      state.failNext(failPath, body.errcode, str('errmsg'));
      return sendJson(res, 200, { ok: true });
    }
    case 'POST /__fake/subscriptions': {
      const openid = str('openid');
      const templateId = str('templateId');
      const count = body.count ?? 1;
      if (!openid || !templateId || typeof count !== 'number' || !Number.isInteger(count)) {
        return bad('openid, templateId and integer count are required');
      }
      return sendJson(res, 200, { openid, templateId, remaining: state.grantSubscription(openid, templateId, count) });
    }
    case 'POST /__fake/block': {
      const openid = str('openid');
      if (!openid) return bad('openid is required');
      if (body.blocked === false) state.unblockOpenid(openid);
      else state.blockOpenid(openid);
      return sendJson(res, 200, { ok: true });
    }
    case 'POST /__fake/reset':
      state.reset();
      return sendJson(res, 200, { ok: true });
    default:
      return sendJson(res, 404, { error: `unknown control route ${route}` });
  }
}

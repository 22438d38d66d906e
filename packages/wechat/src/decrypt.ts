import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * WeChat's `encryptedData` (share info from getShareInfo, the older phone-number form):
 * AES-128-CBC, key = base64-decoded session_key (16 bytes), iv = base64-decoded iv, PKCS#7
 * padding; the plaintext is JSON with a `watermark.appid` that must be ours (shared/WECHAT.md).
 */

/** Why encrypted data was refused: `stale` when the session_key does not open it (ask for wx.login again), `invalid` otherwise. */
export class WechatDecryptError extends Error {
  override readonly name = 'WechatDecryptError';
  constructor(readonly reason: 'stale' | 'invalid', message: string) {
    super(message);
  }
}

/** Share info as decrypted: the WeChat group's id for this mini program. */
export interface ShareInfo {
  openGId: string;
  watermark: { appid: string; timestamp: number };
}

const b64 = (value: string, bytes?: number): Buffer => {
  const buf = Buffer.from(value, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || (bytes !== undefined && buf.length !== bytes)) throw new WechatDecryptError('invalid', 'not base64 of the right length');
  return buf;
};

/** Decrypts `encryptedData` with the user's session_key and checks the watermark's appid. Never logs the key. */
export function decryptWechatData(sessionKey: string, encryptedData: string, iv: string, appId: string): Record<string, unknown> & { watermark: { appid: string; timestamp: number } } {
  const key = b64(sessionKey, 16);
  const ivBytes = b64(iv, 16);
  const data = b64(encryptedData);
  if (data.length === 0 || data.length % 16 !== 0) throw new WechatDecryptError('invalid', 'encryptedData is not whole AES blocks');
  let text: string;
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, ivBytes);
    text = Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    // Bad padding: another session_key encrypted it (the client logged in again since).
    throw new WechatDecryptError('stale', 'encryptedData does not open with this session_key');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new WechatDecryptError('stale', 'encryptedData does not open with this session_key');
  }
  const watermark = (parsed as { watermark?: { appid?: unknown; timestamp?: unknown } } | null)?.watermark;
  if (!watermark || watermark.appid !== appId) throw new WechatDecryptError('invalid', 'watermark appid is not ours');
  return parsed as Record<string, unknown> & { watermark: { appid: string; timestamp: number } };
}

/** The group's openGId from getShareInfo's encryptedData. */
export function decryptShareInfo(sessionKey: string, encryptedData: string, iv: string, appId: string): ShareInfo {
  const data = decryptWechatData(sessionKey, encryptedData, iv, appId);
  if (typeof data.openGId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(data.openGId)) throw new WechatDecryptError('invalid', 'no openGId');
  return { openGId: data.openGId, watermark: data.watermark };
}

/** What WeChat does on the client: encrypts `payload` with the session_key (the fake, and tests). */
export function encryptWechatData(sessionKey: string, payload: object): { encryptedData: string; iv: string } {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), iv);
  const encrypted = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return { encryptedData: encrypted.toString('base64'), iv: iv.toString('base64') };
}

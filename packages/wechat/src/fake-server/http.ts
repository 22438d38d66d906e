import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeReply, Json } from './types';

/* Reading requests and writing replies, for both the WeChat endpoints and the control API. */

export const MAX_BODY_BYTES = 1 << 20;

/** The body as a JSON object, or null if it is not one. An empty body counts as `{}` when allowed. */
export async function readJson(req: IncomingMessage, emptyIsObject = false): Promise<Json | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return emptyIsObject ? {} : null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

export function reply(res: ServerResponse, result: FakeReply, status = 200): void {
  if ('png' in result) {
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': result.png.length });
    res.end(result.png);
    return;
  }
  sendJson(res, status, result.json);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** WeChat-style error body; real errmsgs end with a request id. */
export function error(errcode: number, errmsg: string): FakeReply {
  return { json: { errcode, errmsg: `${errmsg} rid: ${randomId(8)}` } };
}

export function randomId(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4)).toString('base64url').slice(0, length);
}

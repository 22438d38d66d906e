import { ERROR_MESSAGES, ErrorCode, MAX_PHOTO_BYTES } from '@jws/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { parse as parseForm } from 'qs';
import { DomainException } from './domain.exception';

/**
 * How much a request body may carry, route by route. Every body is read by `readBody` below
 * before anything else sees it; a body over its limit is a coded 413, a JSON body nested deeper
 * than MAX_JSON_DEPTH a coded 400, before parsing turns it into objects the validation walks.
 */
export const BODY_LIMITS = {
  /** The 12345 webhook: raw bytes (its signature covers them), read here and nowhere else. */
  webhook12345: { path: '/api/integrations/12345', bytes: 64 * 1024 },
  /** Sign-in, refresh and logout: a code or a token, nothing more. */
  auth: { path: '/api/auth', bytes: 32 * 1024 },
  /** Photo uploads: multipart, one file; @fastify/multipart enforces it (uploads/photo-file.interceptor.ts). */
  upload: { path: '/api/uploads', bytes: MAX_PHOTO_BYTES },
  /** Every other JSON (and form) body: a report, a message, a guide's text. */
  json: { path: '/', bytes: 100 * 1024 },
} as const;

/** The deepest a JSON body may nest ({"a":{"b":[…]}} is 3); no DTO goes past 5. */
export const MAX_JSON_DEPTH = 32;

const TOO_DEEP = `提交的内容层级太深（最多${MAX_JSON_DEPTH}层）`;

/** Whether a JSON text nests arrays and objects deeper than `max`, scanning its characters once. */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

const invalid = (detail: string) => new DomainException(ErrorCode.ValidationFailed, [detail], ERROR_MESSAGES[ErrorCode.ValidationFailed]);

/** The limit of a request's body, by its path (the webhook's and sign-in's are their own). */
export function bodyLimitOf(url: string): number {
  if (url.startsWith(BODY_LIMITS.webhook12345.path)) return BODY_LIMITS.webhook12345.bytes;
  if (url.startsWith(BODY_LIMITS.auth.path)) return BODY_LIMITS.auth.bytes;
  return BODY_LIMITS.json.bytes;
}

/** The media type of a Content-Type header, lower case, without its parameters. */
function mediaType(contentType: string | undefined): string {
  if (!contentType) return '';
  const cut = contentType.indexOf(';');
  return (cut < 0 ? contentType : contentType.slice(0, cut)).trim().toLowerCase();
}

/** A charset other than UTF-8 named in the Content-Type, else null. */
function foreignCharset(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  if (!match) return null;
  const charset = match[1].toLowerCase();
  return charset === 'utf-8' || charset === 'utf8' ? null : charset;
}

/** A JSON body as body-parser's strict reader took it: `{}` when empty, an object or array only. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  if (jsonTooDeep(text)) throw invalid(TOO_DEEP);
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') throw invalid('请求体须为 JSON 对象或数组');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid('请求体不是有效的 JSON');
  }
}

/** A form body, nested keys read as qs reads them, 5 deep and 100 fields at most. */
export function parseFormBody(text: string): unknown {
  try {
    return parseForm(text, { depth: 5, strictDepth: true, parameterLimit: 100, throwOnLimitExceeded: true, arrayLimit: 100 });
  } catch (err) {
    if (err instanceof RangeError && /parameter/i.test(err.message)) throw new DomainException(ErrorCode.PayloadTooLarge);
    throw invalid('表单内容层级太深或无法解析');
  }
}

/**
 * Reads a body stream up to `limit` bytes. Over the limit (by Content-Length at once, or while
 * reading) → a coded 413, and the rest is left unread (the connection closes after the answer).
 */
function readLimited(payload: IncomingMessage, limit: number, done: (err: Error | null, body?: Buffer) => void): void {
  const declared = Number.parseInt(payload.headers['content-length'] ?? '', 10);
  if (!Number.isNaN(declared) && declared > limit) return done(new DomainException(ErrorCode.PayloadTooLarge));
  const chunks: Buffer[] = [];
  let size = 0;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) {
      stop();
      return done(new DomainException(ErrorCode.PayloadTooLarge));
    }
    chunks.push(chunk);
  };
  const onEnd = (err?: Error) => {
    stop();
    if (err) return done(invalid('请求体未能完整读取'));
    done(null, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
  };
  const stop = () => {
    payload.removeListener('data', onData);
    payload.removeListener('end', onEnd);
    payload.removeListener('error', onEnd);
  };
  payload.on('data', onData);
  payload.on('end', onEnd);
  payload.on('error', onEnd);
}

/** The body of one request, as the route expects it (see BODY_LIMITS). */
function readBody(request: FastifyRequest, payload: IncomingMessage, done: (err: Error | null, body?: unknown) => void): void {
  const url = request.url;
  const contentType = request.headers['content-type'];
  readLimited(payload, bodyLimitOf(url), (err, bytes) => {
    if (err || !bytes) return done(err);
    try {
      // The 12345 webhook is verified over its exact bytes: it keeps them, refused only when nested too deep.
      if (url.startsWith(BODY_LIMITS.webhook12345.path)) {
        if (jsonTooDeep(bytes.toString('utf8'))) throw invalid(TOO_DEEP);
        return done(null, bytes);
      }
      const type = mediaType(contentType);
      const json = type === 'application/json';
      if (!json && type !== 'application/x-www-form-urlencoded') return done(null, undefined);
      if (foreignCharset(contentType)) throw invalid('请用 UTF-8 编码提交');
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      done(null, json ? parseJsonBody(text) : parseFormBody(text));
    } catch (error) {
      done(error instanceof DomainException ? error : invalid('请用 UTF-8 编码提交'));
    }
  });
}

/**
 * Installs the one body reader for every content type but multipart (photo uploads,
 * @fastify/multipart's own). A body of a type the API does not speak is read within the limit and
 * dropped, as Express's readers left it: the DTO then says what is missing.
 */
export function installBodyReaders(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', readBody);
}

import { ERROR_MESSAGES, ErrorCode, MAX_PHOTO_BYTES } from '@jws/contracts';
import { json, urlencoded } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainException } from './domain.exception';

/**
 * How much a request body may carry, route by route. Every body is read by one of these readers
 * before anything else sees it; a body over its limit is a coded 413, a JSON body nested deeper
 * than MAX_JSON_DEPTH a coded 400, before parsing turns it into objects the validation walks.
 */
export const BODY_LIMITS = {
  /** The 12345 webhook: raw bytes (its signature covers them), read here and nowhere else. */
  webhook12345: { path: '/api/integrations/12345', bytes: 64 * 1024 },
  /** Sign-in, refresh and logout: a code or a token, nothing more. */
  auth: { path: '/api/auth', bytes: 32 * 1024 },
  /** Photo uploads: multipart, one file; multer enforces it (uploads/photo-file.interceptor.ts). */
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

/** body-parser's verify hook: refuses a too-deep JSON body before JSON.parse builds it. */
function refuseDeep(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string): void {
  let text: string;
  try {
    text = new TextDecoder(encoding).decode(body);
  } catch {
    throw new DomainException(ErrorCode.ValidationFailed, ['请用 UTF-8 编码提交'], ERROR_MESSAGES[ErrorCode.ValidationFailed]);
  }
  if (jsonTooDeep(text)) throw new DomainException(ErrorCode.ValidationFailed, [TOO_DEEP], ERROR_MESSAGES[ErrorCode.ValidationFailed]);
}

/** type-is's hasBody: a request carries a body when it says how long it is or that it is chunked. */
const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined || !Number.isNaN(Number.parseInt(req.headers['content-length'] ?? '', 10));

/**
 * The JSON and form readers of one limit, as one middleware: a request without a body (every GET)
 * passes straight on, as the readers would let it, without the two calls that each found it so.
 * The application is created with `bodyParser: false` (main.ts, test/test-app.ts), so Nest's own
 * readers, without these limits, are not installed behind them.
 */
export function jsonReaders(bytes: number) {
  const readJson = json({ limit: bytes, verify: refuseDeep });
  // Forms are not what the API speaks, but a form body gets the same bounds: qs nests 5 deep at most
  // (body-parser 2's `depth`, which its typings do not list yet).
  const readForm = urlencoded({ extended: true, limit: bytes, parameterLimit: 100, ...{ depth: 5 } });
  return [
    (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: (err?: unknown) => void) => {
      if (!hasBody(req)) {
        if (!('body' in req)) req.body = undefined;
        return next();
      }
      readJson(req, res, (err?: unknown) => (err ? next(err) : readForm(req, res, next)));
    },
  ];
}

/**
 * Reads the request body into a Buffer as `req.body` (marked parsed, so no JSON reader touches it),
 * refusing one over `limit` bytes (413) or nested too deep to be JSON anyone sends (400).
 */
export function rawBody(limit: number) {
  return (req: IncomingMessage & { body?: unknown; _body?: boolean }, res: ServerResponse, next: (err?: unknown) => void) => {
    if (req.method !== 'POST') return next();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        if (!res.headersSent) {
          res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
          res.end(JSON.stringify({ code: ErrorCode.PayloadTooLarge, message: ERROR_MESSAGES[ErrorCode.PayloadTooLarge] }));
        }
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (jsonTooDeep(body.toString('utf8'))) {
        const message = ERROR_MESSAGES[ErrorCode.ValidationFailed];
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ code: ErrorCode.ValidationFailed, message, details: [TOO_DEEP] }));
        return;
      }
      req.body = body;
      req._body = true;
      next();
    });
    req.on('error', next);
  };
}

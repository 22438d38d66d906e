import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import pino from 'pino';

/**
 * The one rule for secrets in a URL. A name that says token, key, code, ticket, secret, password,
 * session, signature or invite names a secret: a query parameter with such a name (`token`,
 * `refreshToken`, `api_key`, `apiKey`, `js_code`, `ticket` …) keeps its name and loses its value,
 * and a path segment that follows a segment with such a name is the secret itself
 * (`/api/community-invites/HQ7C2PNQ/qrcode`, `/api/communities/3/invites/HQ7C2PNQ/revoke`,
 * `/open311/v2/tokens/…json`). Public codes addressed under other names (`/api/service-guide/…`,
 * `/open311/v2/services/hazard.fire.json`) stay readable.
 */
const SECRET_NAME = /token|key|code|ticket|secret|passw|session|signature|invite/i;
export const REDACTED = '[REDACTED]';

export function redactUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  const cut = url.indexOf('?');
  const path = cut < 0 ? url : url.slice(0, cut);
  const segments = path.split('/');
  const redactedPath = segments.map((s, i) => (i > 0 && s !== '' && SECRET_NAME.test(safeDecode(segments[i - 1])) ? REDACTED : s)).join('/');
  if (cut < 0) return redactedPath;
  const params = new URLSearchParams(url.slice(cut + 1));
  for (const key of new Set(params.keys())) if (SECRET_NAME.test(key)) params.set(key, REDACTED);
  return `${redactedPath}?${params.toString()}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The request id: the caller's X-Request-Id when it looks like one, else a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && /^[\w-]{8,64}$/.test(header) ? header : randomUUID();
}

/**
 * Structured request logs with a request id; tokens, cookies and personal data redacted.
 *
 * At level `silent` nothing can ever be written, so no per-request logger is installed at all:
 * pino-http's child logger per request and nestjs-pino's AsyncLocalStorage around the whole
 * request (every promise of the request then pays an async hook) cost ~0.2 ms CPU per request in
 * `pnpm bench`, a third of a queue request. The request id that audit entries record is Fastify's
 * (requestIdOf, common/http-adapter.ts), logged or not.
 *
 * Lines go to standard output (or `file`) through an asynchronous pino destination: a line is
 * written as soon as the previous write is done, and lines that arrive meanwhile go out together.
 * A synchronous write per line cost ~0.7 ms CPU per request at level info on the bench machine
 * (a queue read took half as long again). pino flushes what is pending when the process exits;
 * only a SIGKILL can lose the last lines.
 */
export function loggerParams(level: string, file: string | null = null): Params {
  const destination = pino.destination({ dest: file ?? 1, sync: false, minLength: 0, mkdir: file !== null });
  return {
    // Named wildcard: Express 5 / path-to-regexp 8 no longer accepts a bare '*'.
    forRoutes: level === 'silent' ? [] : [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: [{
      level,
      // The id Fastify gave the request (common/http-adapter.ts), so logs and audit entries agree.
      genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? requestIdOf(req),
      redact: {
        paths: [
          'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
          'req.body', 'res.body', '*.sessionKey', '*.session_key', '*.accessToken', '*.refreshToken', '*.phone',
        ],
        censor: '[REDACTED]',
      },
      serializers: {
        req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }, destination],
  };
}

import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';

/** Query parameters whose values must never reach a log line. */
const SECRET_QUERY_KEYS = /^(token|access_token|refresh_token|code|js_code|secret|session_key|api_key)$/i;

export function redactUrl(url: string | undefined): string | undefined {
  if (!url || !url.includes('?')) return url;
  const [path, query] = url.split('?', 2);
  const params = new URLSearchParams(query);
  for (const key of [...params.keys()]) if (SECRET_QUERY_KEYS.test(key)) params.set(key, '[REDACTED]');
  return `${path}?${params.toString()}`;
}

/** Structured request logs with a request id; tokens, cookies and personal data redacted. */
export function loggerParams(level: string): Params {
  return {
    // Named wildcard: Express 5 / path-to-regexp 8 no longer accepts a bare '*'.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      genReqId: (req: IncomingMessage) => {
        const header = req.headers['x-request-id'];
        return typeof header === 'string' && /^[\w-]{8,64}$/.test(header) ? header : randomUUID();
      },
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
    },
  };
}

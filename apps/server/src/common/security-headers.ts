import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/** helmet's options for this service: a CSP for the h5 build served from the same origin. */
const HELMET_OPTIONS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'", 'ws:', 'wss:'],
      // TLS is terminated by the load balancer; a plain-http LAN preview must still load.
      upgradeInsecureRequests: null,
    },
  },
};

/**
 * The headers helmet sets, worked out once. With these options (no per-request nonce, nothing
 * read from the request) helmet sets the same ~13 headers on every response, through a chain of
 * 13 middleware calls per request; this runs helmet once against a recording response at start-up
 * and sets what it recorded in one call. Header removals (X-Powered-By) are replayed too.
 */
export function securityHeaders(options: Parameters<typeof helmet>[0] = HELMET_OPTIONS): Middleware {
  const set: [string, string | string[]][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.push([name, Array.isArray(value) ? [...(value as string[])] : String(value)]),
    removeHeader: (name: string) => removed.push(name),
  };
  let synchronous = false;
  helmet(options)({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    synchronous = true;
  });
  // helmet calls next() synchronously; were it ever to stop doing so, the recording would be incomplete.
  if (!synchronous) throw new Error('helmet did not finish synchronously: its headers cannot be precomputed');
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}

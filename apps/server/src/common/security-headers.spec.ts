import helmet from 'helmet';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { securityHeaders } from './security-headers';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/** The headers a response carries after `middleware`, over a real HTTP exchange. */
async function headersAfter(middleware: Middleware): Promise<Record<string, string | string[] | undefined>> {
  const server = createServer((req, res) => {
    res.setHeader('X-Powered-By', 'Express');
    middleware(req, res, () => res.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      if (name !== 'date' && name !== 'connection' && name !== 'keep-alive') headers[name] = value;
    });
    return headers;
  } finally {
    server.close();
  }
}

describe('securityHeaders', () => {
  it('sets exactly the headers helmet sets, with the same values, and removes X-Powered-By', async () => {
    const options = { contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], connectSrc: ["'self'", 'ws:'], upgradeInsecureRequests: null } } };
    const fromHelmet = await headersAfter(helmet(options) as unknown as Middleware);
    const precomputed = await headersAfter(securityHeaders(options));
    expect(precomputed).toEqual(fromHelmet);
    expect(precomputed['x-powered-by']).toBeUndefined();
    expect(precomputed['content-security-policy']).toContain("connect-src 'self' ws:");
    expect(precomputed['x-content-type-options']).toBe('nosniff');
  });

  it("with the service's options, says where scripts, styles, images and sockets may come from", async () => {
    const headers = await headersAfter(securityHeaders());
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("img-src 'self' data: blob:");
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

import { ERROR_MESSAGES, ErrorCode, MAX_PHOTO_BYTES } from '@jws/contracts';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { installBodyReaders } from './body-limits';
import { answerClientErrorCoded } from './client-errors';
import { requestIdOf } from './logging';
import { securityHeaders } from './security-headers';

/**
 * Nest's Fastify adapter as this service runs it. Fastify routes with a radix tree and answers a
 * handler's object in one write, where Express walked its ~190 routes' regular expressions and
 * re-derived the answer's headers per request (docs/performance.md).
 *
 * `trustHops` is how many proxies in front are trusted for the client's address
 * (`X-Forwarded-For`) and scheme: 0 unless TRUST_PROXY is set (configureApp sets it from the
 * configuration, which is read after the adapter is made).
 */
export class JwsFastifyAdapter extends FastifyAdapter {
  private readonly trust: { hops: number };

  constructor() {
    const trust = { hops: 0 };
    super({
      trustProxy: (_address: string, hop: number) => hop < trust.hops,
      // The X-Request-Id a caller sent, when it looks like one, else a fresh id; kept on the raw
      // request too, where the request logger (pino-http, common/logging.ts) takes it.
      genReqId: (req: IncomingMessage) => ((req as IncomingMessage & { id?: string }).id = requestIdOf(req)),
      // Requests Node's parser refuses: the same coded body as every other error.
      clientErrorHandler: answerClientErrorCoded,
      // Express's non-strict routing: /api/me/ is /api/me.
      routerOptions: { ignoreTrailingSlash: true },
      // A body reader of our own enforces each route's limit (common/body-limits.ts); this is only
      // the outer bound Fastify itself checks.
      bodyLimit: MAX_PHOTO_BYTES * 2,
      // On SIGTERM the requests already on their way are served, not refused with a 503 nginx
      // could not pass on (a POST it has sent): docs/deploy.md → Rolling out.
      return503OnClosing: false,
    });
    this.trust = trust;
  }

  set trustHops(hops: number) {
    this.trust.hops = hops;
  }
}

/** The fixed X-Content-Type-Options etc. on every answer, files and streamed downloads included. */
function installSecurityHeaders(fastify: FastifyInstance): void {
  const apply = securityHeaders();
  fastify.addHook('onRequest', (request, reply, done) => apply(request.raw, reply.raw, (err) => done(err as Error | undefined)));
}

/** One photo per upload request, kept in memory (uploads/photo-file.interceptor.ts reads it). */
function installMultipart(fastify: FastifyInstance): void {
  void fastify.register(fastifyMultipart, {
    // One byte over the allowed size, so "exactly too large" and "far too large" answer alike.
    limits: { fileSize: MAX_PHOTO_BYTES + 1, files: 1, fields: 4, fieldSize: 1024, parts: 5 },
  });
}

const API_ROOTS = ['/api/', '/open311/', '/ws'];

/**
 * The h5 build of the mini program at the root: its files, and index.html for any other GET
 * outside the API (the h5 router's deep links). An unknown API path stays a coded 404.
 */
function installH5(fastify: FastifyInstance, h5Dir: string): void {
  if (!existsSync(join(h5Dir, 'index.html'))) return;
  void fastify.register(fastifyStatic, { root: h5Dir, wildcard: false });
  fastify.get('/*', (request, reply) => {
    const path = request.url;
    if (API_ROOTS.some((root) => path.startsWith(root)) || path === '/api') {
      return reply
        .code(404)
        .header('cache-control', 'no-store')
        .send({ code: ErrorCode.NotFound, message: ERROR_MESSAGES[ErrorCode.NotFound] });
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}

/** Everything this service adds to Fastify itself, before Nest registers its routes. */
export function installHttp(adapter: JwsFastifyAdapter, options: { trustProxy: boolean; h5Dir: string }): void {
  adapter.trustHops = options.trustProxy ? 1 : 0;
  const fastify = adapter.getInstance<FastifyInstance>();
  installSecurityHeaders(fastify);
  installBodyReaders(fastify);
  installMultipart(fastify);
  installH5(fastify, options.h5Dir);
}

import type { FastifyReply } from 'fastify';

/**
 * Answers an error, unless an answer has begun. A route that writes its own answer (an .xlsx
 * streamed to the raw response) has taken it from Fastify: its error goes to the raw response.
 * A route's own headers (a CSV's Content-Disposition, an hour of caching) are none of an error's.
 */
export function sendError(reply: FastifyReply, status: number, headers: Record<string, string>, body: string): void {
  if (reply.raw.headersSent) return;
  if (reply.sent) {
    reply.raw.writeHead(status, headers).end(body);
    return;
  }
  reply.removeHeader('content-disposition');
  reply.code(status).headers(headers).send(body);
}

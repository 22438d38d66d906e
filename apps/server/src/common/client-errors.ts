import { ERROR_MESSAGES, ErrorCode } from '@jws/contracts';
import type { Duplex } from 'node:stream';

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers or URL over 16 KB, a
 * malformed request line, a client too slow to send its headers) get the same coded body as every
 * other error, instead of a bare status line. Fastify's `clientErrorHandler` (common/http-adapter.ts).
 */
export function answerClientErrorCoded(err: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, reason, code] =
    err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large', ErrorCode.PayloadTooLarge]
    : err.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW' ? [413, 'Payload Too Large', ErrorCode.PayloadTooLarge]
    : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout', ErrorCode.ValidationFailed]
    : [400, 'Bad Request', ErrorCode.ValidationFailed];
  const body = JSON.stringify({ code, message: ERROR_MESSAGES[code] });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}

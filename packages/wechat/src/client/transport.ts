import { request } from 'undici';

/* How the client talks HTTP to WeChat: the transport (undici, or a fetch given in the options) and its errors. */

export type Json = Record<string, unknown>;

export interface RawResponse {
  status: number;
  contentType: string;
  bytes: Buffer;
}

export interface SendInit {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | Buffer;
  signal: AbortSignal;
}

/** One HTTP exchange with WeChat: the status, content type and body bytes. */
export type Transport = (url: string, init: SendInit) => Promise<RawResponse>;

/**
 * The default transport: undici's `request` (Node's own HTTP client, pooled keep-alive
 * connections). Node's global fetch is built on the same client but costs about four times its
 * CPU per call (WHATWG streams and objects); a report's msgSecCheck is on the submit path,
 * where `pnpm bench` showed fetch alone adding ~0.2 ms of service CPU per report.
 */
export const undiciTransport: Transport = async (url, init) => {
  const res = await request(url, init);
  const contentType = res.headers['content-type'];
  return {
    status: res.statusCode,
    contentType: (Array.isArray(contentType) ? contentType[0] : contentType) ?? '',
    bytes: Buffer.from(await res.body.arrayBuffer()),
  };
};

/** A fetch given in the options (tests that simulate a network) as a transport. */
export function fetchTransport(f: typeof fetch): Transport {
  return async (url, init) => {
    const res = await f(url, { ...init, body: typeof init.body === 'string' || init.body === undefined ? init.body : new Uint8Array(init.body) });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
  };
}

/** `ECONNREFUSED` and the like, from the socket error; nothing free-form. */
export function errorCode(err: unknown): string {
  // undici's request rejects with the socket error itself; fetch wraps it as the cause.
  const e = err as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = typeof e?.code === 'string' && e.code.startsWith('E') ? e.code : e?.cause?.code;
  return typeof code === 'string' && /^[A-Z0-9_]+$/.test(code) ? ` (${code})` : '';
}

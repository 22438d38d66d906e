import type { FastifyReply } from 'fastify';
import type { Writable } from 'node:stream';

/**
 * Streams a download the route writes itself (an .xlsx written sheet by sheet) to the raw
 * response, taken from Fastify (`hijack`): the status and headers first, then what `write`
 * writes. An error before anything was sent is answered as every error is (common/send-error.ts);
 * one after the download began can only cut it off, so the client sees it broken, never complete.
 */
export async function streamDownload(
  reply: FastifyReply, headers: Record<string, string>, write: (out: Writable) => Promise<void>,
): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.statusCode = 200;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  try {
    await write(res);
    res.end();
  } catch (error) {
    if (!res.headersSent) throw error;
    res.destroy();
  }
}

/** The Content-Disposition of an attachment: an ASCII fallback name and the real (Chinese) one. */
export const attachment = (fallback: string, filename: string) => `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

import { randomBytes } from 'node:crypto';

/* multipart/form-data bodies, for the WeChat APIs that take a file (img_sec_check's `media`). */

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

/** One file field `media`: the body and its content type (with the boundary). */
export function multipartImage(image: Buffer, contentType: string, field = 'media'): { contentType: string; bytes: Buffer } {
  const boundary = `----jws${randomBytes(12).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="image.${EXTENSIONS[contentType] ?? 'bin'}"\r\n` +
    `Content-Type: ${contentType}\r\n\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    bytes: Buffer.concat([Buffer.from(head, 'utf8'), image, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
  };
}

/** The file of field `name` in a multipart/form-data body, or null (the fake's side). */
export function multipartFile(body: Buffer, contentType: string, name = 'media'): Buffer | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary ? `--${boundary[1] ?? boundary[2]}` : null;
  if (!marker) return null;
  let at = body.indexOf(marker);
  while (at >= 0) {
    const headEnd = body.indexOf('\r\n\r\n', at);
    if (headEnd < 0) return null;
    const head = body.subarray(at, headEnd).toString('utf8');
    const next = body.indexOf(`\r\n${marker}`, headEnd + 4);
    if (next < 0) return null;
    if (new RegExp(`name="${name}"`).test(head)) return body.subarray(headEnd + 4, next);
    at = next + 2;
  }
  return null;
}

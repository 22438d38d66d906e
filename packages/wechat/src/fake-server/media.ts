import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { multipartFile } from '../client/multipart';
import { WechatErrcode } from '../errors';
import { error, MAX_BODY_BYTES } from './http';
import type { FakeWechatState } from './state';
import type { FakeReply } from './types';

/* The fake's image safety check: `POST /wxa/img_sec_check?access_token=` with the image as multipart `media`. */

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Which images the fake calls risky: tests mark an image's exact bytes. */
export class FakeImageCheck {
  readonly #risky = new Set<string>();
  /** Every image checked, as sha256 (tests assert what was sent). */
  checked: string[] = [];

  markRisky(image: Buffer): void {
    this.#risky.add(sha256(image));
  }

  reset(): void {
    this.#risky.clear();
    this.checked = [];
  }

  /** errcode 0 (pass) or 87014 (risky), like WeChat's img_sec_check; 41005 without a `media` file. */
  handle(body: Buffer, contentType: string): FakeReply {
    const media = multipartFile(body, contentType);
    if (!media || media.length === 0) return error(41005, 'media data missing');
    const hash = sha256(media);
    this.checked.push(hash);
    return this.#risky.has(hash) ? error(WechatErrcode.RISKY_CONTENT, 'risky content') : { json: { errcode: 0, errmsg: 'ok' } };
  }
}

const checks = new WeakMap<FakeWechatState, FakeImageCheck>();

/** The image check of a fake (one per fake). */
export function fakeImageCheck(state: FakeWechatState): FakeImageCheck {
  let check = checks.get(state);
  if (!check) checks.set(state, (check = new FakeImageCheck()));
  return check;
}

/** The request body as bytes, or null when it is over the fake's limit. */
export async function readBytes(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES * 10) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

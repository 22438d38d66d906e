import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { ValueTransformer } from 'typeorm';

/** GCM's 96-bit IV. */
const IV_BYTES = 12;
/** IVs taken from one call to the random source: a call per encryption cost ~18 µs on the bench machine (a chat line each). */
const IVS_PER_FILL = 256;

/**
 * AES-256-GCM encryption of personal data at rest (names, phone numbers, ID numbers,
 * WeChat session keys). Stored as `v1.<iv>.<tag>.<ciphertext>` in base64url.
 *
 * The key is installed once at start-up; entity columns use `encryptedColumn` so nothing
 * personal can be written in clear by forgetting a call.
 */
export class FieldCipher {
  private static key: Buffer | null = null;
  private static ivPool = Buffer.alloc(0);
  private static ivNext = 0;

  /** Blind indexes of ids (never of personal data): see `idBlindIndex`. */
  private static readonly idIndexes = new Map<string, string>();
  private static readonly ID_INDEXES_MAX = 50_000;

  static install(key: Buffer): void {
    if (key.length !== 32) throw new Error('data encryption key must be 32 bytes');
    FieldCipher.key = key;
    FieldCipher.idIndexes.clear();
  }

  /** Whether a key is installed (migrations that re-key rows need it; `migrate` and start-up install it). */
  static installed(): boolean {
    return FieldCipher.key !== null;
  }

  private static requireKey(): Buffer {
    if (!FieldCipher.key) throw new Error('FieldCipher key not installed');
    return FieldCipher.key;
  }

  /** A fresh random IV: each one is used once (the pool is consumed, never reread). */
  private static nextIv(): Buffer {
    if (FieldCipher.ivNext + IV_BYTES > FieldCipher.ivPool.length) {
      FieldCipher.ivPool = randomBytes(IV_BYTES * IVS_PER_FILL);
      FieldCipher.ivNext = 0;
    }
    const iv = FieldCipher.ivPool.subarray(FieldCipher.ivNext, FieldCipher.ivNext + IV_BYTES);
    FieldCipher.ivNext += IV_BYTES;
    return iv;
  }

  static encrypt(plain: string): string {
    const iv = FieldCipher.nextIv();
    const cipher = createCipheriv('aes-256-gcm', FieldCipher.requireKey(), iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['v1', iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
  }

  static decrypt(stored: string): string {
    const [version, iv, tag, ct] = stored.split('.');
    if (version !== 'v1' || !iv || !tag || ct === undefined) throw new Error('unrecognised ciphertext');
    const decipher = createDecipheriv('aes-256-gcm', FieldCipher.requireKey(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed hash, so an encrypted value (e.g. a phone number) can still be looked up. */
  static blindIndex(value: string): string {
    return createHmac('sha256', FieldCipher.requireKey()).update('bi:' + value).digest('hex');
  }

  /**
   * `blindIndex` of a value made of ids only (a user's reporter keys, asked for on every case read
   * and report), remembered: one HMAC per user and instance instead of two to four per request.
   * Never for personal data, which is not kept in memory longer than a request.
   */
  static idBlindIndex(value: string): string {
    let index = FieldCipher.idIndexes.get(value);
    if (index === undefined) {
      if (FieldCipher.idIndexes.size >= FieldCipher.ID_INDEXES_MAX) FieldCipher.idIndexes.clear();
      index = FieldCipher.blindIndex(value);
      FieldCipher.idIndexes.set(value, index);
    }
    return index;
  }
}

export const encryptedTransformer: ValueTransformer = {
  to: (value: string | null | undefined) => (value == null ? value : FieldCipher.encrypt(value)),
  from: (value: string | null | undefined) => (value == null ? value : FieldCipher.decrypt(value)),
};

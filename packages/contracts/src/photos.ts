/** The image formats a person may upload (case photos, chat images). */
export type ImageType = 'jpeg' | 'png' | 'webp';

/** How the formats are named to people, e.g. 仅支持 JPG、PNG、WebP. */
export const IMAGE_TYPES_LABEL = 'JPG、PNG、WebP';

/** Bytes detectImageType needs to see: a file's first 12 are enough for every format. */
export const IMAGE_SIGNATURE_BYTES = 12;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, at: number, expected: readonly number[]) =>
  bytes.length >= at + expected.length && expected.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/**
 * The real type of a file, from its first bytes (magic numbers). The declared mimetype and file
 * name are never trusted: a client can claim anything. The service decides with this, and the
 * mini program uses it to leave out what the service would refuse before uploading.
 */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, 0, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, 0, ascii('RIFF')) && startsWith(bytes, 8, ascii('WEBP'))) return 'webp';
  return null;
}

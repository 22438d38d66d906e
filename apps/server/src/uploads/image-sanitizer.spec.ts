import { ErrorCode, MAX_PHOTO_BYTES } from '@jws/contracts';
import sharp from 'sharp';
import { MAX_PHOTO_PIXELS, sanitizeImage } from './image-sanitizer';
import { codeOf } from '../../test/error-code';

const bytes = (...values: number[]) => Buffer.from(values);

describe('sanitizeImage', () => {
  const photo = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } });

  it('re-encodes a JPEG upright and without its EXIF, orientation included', async () => {
    // 2×1 stored, EXIF says "rotate 90° clockwise": shown as 1×2.
    const input = await photo(2, 1).jpeg().withMetadata({ orientation: 6 }).withExifMerge({ IFD0: { Make: 'SecretCam' } }).toBuffer();
    expect((await sharp(input).metadata()).orientation).toBe(6);
    const out = await sanitizeImage(input);
    expect(out).toMatchObject({ type: 'jpeg', contentType: 'image/jpeg', width: 1, height: 2 });
    const meta = await sharp(out.buffer).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(out.buffer.includes('SecretCam')).toBe(false);
  });

  it('refuses a file with an image signature that is not a decodable image', async () => {
    const fake = Buffer.concat([bytes(0xff, 0xd8, 0xff, 0xe0), Buffer.from('not really a jpeg at all')]);
    expect(await codeOf(sanitizeImage(fake))).toBe(ErrorCode.UploadTypeNotAllowed);
  });

  it('keeps PNG and WebP in their own format', async () => {
    expect(await sanitizeImage(await photo(3, 3).png().toBuffer())).toMatchObject({ type: 'png', contentType: 'image/png' });
    expect(await sanitizeImage(await photo(3, 3).webp().toBuffer())).toMatchObject({ type: 'webp', contentType: 'image/webp' });
  });

  it('refuses files over the size limit before decoding them', async () => {
    expect(await codeOf(sanitizeImage(Buffer.alloc(MAX_PHOTO_BYTES + 1, 0xff)))).toBe(ErrorCode.UploadTooLarge);
  });

  it('refuses a small file that would decode to more pixels than allowed (decompression bomb)', async () => {
    const side = Math.ceil(Math.sqrt(MAX_PHOTO_PIXELS)) + 1;
    const bomb = await sharp(Buffer.alloc(side * side), { raw: { width: side, height: side, channels: 1 } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(MAX_PHOTO_BYTES);
    expect(await codeOf(sanitizeImage(bomb))).toBe(ErrorCode.UploadTooLarge);
  });
});

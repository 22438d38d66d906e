import { detectImageType, ErrorCode, ImageType, MAX_PHOTO_BYTES } from '@jws/contracts';
import sharp from 'sharp';
import { DomainException } from '../common/domain.exception';

export const IMAGE_CONTENT_TYPES: Record<ImageType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

export const IMAGE_EXTENSIONS: Record<ImageType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

/** Largest decoded image accepted (width × height): guards against decompression bombs. */
export const MAX_PHOTO_PIXELS = 40_000_000;

export interface SanitizedImage {
  buffer: Buffer;
  type: ImageType;
  contentType: string;
  width: number;
  height: number;
}

const INPUT_OPTIONS = { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'warning' } as const;

/**
 * Checks an uploaded image and re-encodes it in its own format, upright (EXIF orientation
 * applied) and without any metadata: EXIF (with GPS position and camera serials), XMP, ICC
 * profile and comments are dropped, since sharp keeps none unless asked to.
 */
export async function sanitizeImage(input: Buffer): Promise<SanitizedImage> {
  if (input.length > MAX_PHOTO_BYTES) throw new DomainException(ErrorCode.UploadTooLarge);
  const type = detectImageType(input);
  if (!type) throw new DomainException(ErrorCode.UploadTypeNotAllowed);

  // Reading the header decodes no pixels; the size check below then gives its own answer.
  const header = await sharp(input, { ...INPUT_OPTIONS, limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw new DomainException(ErrorCode.UploadTypeNotAllowed);
    });
  if (header.format !== type || !header.width || !header.height) {
    throw new DomainException(ErrorCode.UploadTypeNotAllowed);
  }
  if (header.width * header.height > MAX_PHOTO_PIXELS) {
    throw new DomainException(ErrorCode.UploadTooLarge, [`图片像素超过${MAX_PHOTO_PIXELS / 10_000}万`], '图片尺寸太大，请缩小后再上传');
  }

  try {
    const pipeline = sharp(input, INPUT_OPTIONS).rotate();
    const encoded =
      type === 'jpeg' ? pipeline.jpeg({ quality: 85 })
      : type === 'png' ? pipeline.png({ compressionLevel: 6 })
      : pipeline.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { buffer: data, type, contentType: IMAGE_CONTENT_TYPES[type], width: info.width, height: info.height };
  } catch {
    // Undecodable or corrupt pixel data: not an image we can vouch for.
    throw new DomainException(ErrorCode.UploadTypeNotAllowed);
  }
}

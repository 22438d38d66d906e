import { ErrorCode, MAX_PHOTO_BYTES } from '@jws/contracts';
import {
  BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';
import { DomainException } from '../common/domain.exception';

/** Multipart field that carries the image (`wx.uploadFile({ name: 'file' })`). */
export const UPLOAD_FIELD = 'file';

/** The part of multer's file the route uses. */
export interface ReceivedFile {
  buffer: Buffer;
  size: number;
}

// No storage option: multer keeps the file in memory. The limit is one byte over the allowed
// size so that "exactly too large" and "far too large" get the same answer.
const MulterSingleFile = FileInterceptor(UPLOAD_FIELD, {
  limits: { fileSize: MAX_PHOTO_BYTES + 1, files: 1, fields: 4, fieldSize: 1024, parts: 5 },
});

/**
 * Receives one image in the `file` field, turning multer's errors into coded ones: a file over
 * the limit → 413 UPLOAD_TOO_LARGE (not multer's "File too large"), a malformed or unexpected
 * part → VALIDATION_FAILED with a Chinese detail.
 */
@Injectable()
export class PhotoFileInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor = new MulterSingleFile();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw new DomainException(ErrorCode.UploadTooLarge);
      if (error instanceof BadRequestException) {
        throw new DomainException(ErrorCode.ValidationFailed, [`请用 ${UPLOAD_FIELD} 字段上传一张图片`]);
      }
      throw error;
    }
  }
}

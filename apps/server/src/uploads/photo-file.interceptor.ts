import { ErrorCode } from '@jws/contracts';
import { CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { DomainException } from '../common/domain.exception';

/** Multipart field that carries the image (`wx.uploadFile({ name: 'file' })`). */
export const UPLOAD_FIELD = 'file';

/** The image the route receives. */
export interface ReceivedFile {
  buffer: Buffer;
  size: number;
}

type PhotoRequest = FastifyRequest & { photo?: ReceivedFile };

const wrongPart = () => new DomainException(ErrorCode.ValidationFailed, [`请用 ${UPLOAD_FIELD} 字段上传一张图片`]);

/**
 * Receives one image in the `file` field, in memory, within the limits @fastify/multipart was
 * registered with (common/http-adapter.ts: the size plus one byte, one file, 4 small fields, 5
 * parts). A file over the limit → 413 UPLOAD_TOO_LARGE; a body that is not multipart, a file in
 * another field or a part over the counts → VALIDATION_FAILED with a Chinese detail. No file at
 * all leaves `@UploadedPhoto()` undefined for the route to answer.
 */
@Injectable()
export class PhotoFileInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<PhotoRequest>();
    if (!req.isMultipart()) throw wrongPart();
    try {
      const part = await req.file();
      if (part) {
        if (part.fieldname !== UPLOAD_FIELD) throw wrongPart();
        const buffer = await part.toBuffer();
        req.photo = { buffer, size: buffer.length };
      }
    } catch (error) {
      if (error instanceof DomainException) throw error;
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainException(ErrorCode.UploadTooLarge);
      throw wrongPart();
    }
    return next.handle();
  }
}

/** The image PhotoFileInterceptor received, or undefined when the request carried none. */
export const UploadedPhoto = createParamDecorator((_data: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<PhotoRequest>().photo);

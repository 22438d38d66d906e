import { ErrorCode } from '@jws/contracts';
import {
  Controller, Get, Header, Param, ParseUUIDPipe, Post, StreamableFile, UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RateLimit } from '../common/rate-limit';
import { ApiErrors } from '../common/api-errors.decorator';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import { UploadViewDto } from './dto/upload.dto';
import { PhotoFileInterceptor, ReceivedFile, UPLOAD_FIELD, UploadedPhoto } from './photo-file.interceptor';
import { UploadsService } from './uploads.service';

/** Path ids that are not UUIDs answer like unknown ones. */
const UploadIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new DomainException(ErrorCode.NotFound) });

@ApiTags('uploads 图片上传')
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Post()
  @Authenticated()
  @RateLimit(30)
  @UseInterceptors(PhotoFileInterceptor)
  @ApiOperation({
    summary: 'Upload a photo for a report or a follow-up',
    description:
      'One JPG, PNG or WebP image (checked by its content, not its name), at most 5 MB. It is re-encoded upright ' +
      'without metadata (no EXIF, GPS position, XMP or ICC). Use the returned id when submitting the case.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [UPLOAD_FIELD],
      properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary', description: 'JPG, PNG or WebP, at most 5 MB' } },
    },
  })
  @ApiCreatedResponse({ type: UploadViewDto })
  @ApiErrors(ErrorCode.UploadTypeNotAllowed, ErrorCode.UploadTooLarge, ErrorCode.RateLimited)
  upload(@CurrentCaller() caller: Caller, @UploadedPhoto() file: ReceivedFile | undefined): Promise<UploadViewDto> {
    if (!file) throw new DomainException(ErrorCode.ValidationFailed, [`请用 ${UPLOAD_FIELD} 字段上传一张图片`]);
    return this.uploads.accept(caller.user.id, file.buffer);
  }

  @Get(':id')
  @Authenticated()
  @Header('Cache-Control', 'private, max-age=3600')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: "The uploader's own image (preview before submitting)" })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'The cleaned image', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(ErrorCode.NotFound)
  async download(@CurrentCaller() caller: Caller, @Param('id', UploadIdPipe) id: string): Promise<StreamableFile> {
    const image = await this.uploads.readOwn(caller, id);
    return new StreamableFile(image.buffer, { type: image.contentType, length: image.buffer.length });
  }
}

import { UploadView } from '@jws/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class UploadViewDto implements UploadView {
  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6a4d-4c1b-9d7e-2a5f0b9c8e11' })
  id: string;
  @ApiProperty({ example: '/api/uploads/3f2b8c1e-6a4d-4c1b-9d7e-2a5f0b9c8e11', description: 'Preview for the uploader (needs sign-in)' })
  url: string;
  @ApiProperty({ example: 182_340, description: 'Size after cleaning (re-encoded, metadata removed)' })
  bytes: number;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'] })
  contentType: string;
}


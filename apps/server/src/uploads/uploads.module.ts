import { Module } from '@nestjs/common';
import { UploadsRepository } from './data/uploads.repository';
import { FILE_STORAGE, LocalDiskStorage } from './storage';
import { UploadsController } from './uploads.controller';
import { UploadsJanitor } from './uploads.janitor';
import { UploadsService } from './uploads.service';

/** Photo uploads: checked, cleaned of metadata, stored; the cases module claims them for a case. */
@Module({
  controllers: [UploadsController],
  providers: [UploadsRepository, UploadsService, UploadsJanitor, { provide: FILE_STORAGE, useClass: LocalDiskStorage }],
  exports: [UploadsService],
})
export class UploadsModule {}

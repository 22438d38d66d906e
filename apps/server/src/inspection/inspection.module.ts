import { Module } from '@nestjs/common';
import { CasesModule } from '../cases';
import { IdentityModule } from '../identity';
import { NotificationsModule } from '../notifications';
import { OrgUnitsModule } from '../org';
import { InquiriesRepository } from './data/inquiries.repository';
import { InspectionController } from './inspection.controller';
import { InspectionService } from './inspection.service';
import { ResponseTrails } from './response-trail';

/** 责任追究 (信访/督察): overdue cases with their response-time trails, and 核查 (docs/accountability.md). */
@Module({
  imports: [CasesModule, NotificationsModule, IdentityModule, OrgUnitsModule],
  controllers: [InspectionController],
  providers: [InspectionService, ResponseTrails, InquiriesRepository],
  exports: [InspectionService],
})
export class InspectionModule {}

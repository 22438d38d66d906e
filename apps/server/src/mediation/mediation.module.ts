import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UploadsModule } from '../uploads/uploads.module';
import { MediationController } from './mediation.controller';
import { MediationFollowupsWorker } from './mediation-followups.worker';
import { AgreementPlaceRepository } from './data/agreement-place.repository';
import { AgreementsService } from './agreements.service';
import { MediationService } from './mediation.service';
import { OfflineMediationService } from './offline-mediation.service';
import { RoomLifecycle } from './room-lifecycle';
import { RealtimeGateway } from './realtime.gateway';
import { RoomAccess } from './room-access';
import { RoomChatService } from './room-chat.service';
import { RoomHub } from './room-hub';
import { RoomMessagesService } from './room-messages.service';

@Module({
  imports: [CasesModule, NotificationsModule, UploadsModule, IdentityModule],
  controllers: [MediationController],
  providers: [
    RoomAccess, RoomHub, RoomMessagesService, RoomChatService, RoomLifecycle, MediationService, AgreementsService, OfflineMediationService,
    MediationFollowupsWorker, RealtimeGateway, AgreementPlaceRepository],
  exports: [MediationService, RoomChatService, RealtimeGateway],
})
export class MediationModule {}

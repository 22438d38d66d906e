import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { IdentityModule } from '../identity';
import { OrgUnitsModule } from '../org';
import { NotificationsModule } from '../notifications/notifications.module';
import { UploadsModule } from '../uploads/uploads.module';
import { MediationFiguresRepository } from './data/mediation-figures.repository';
import { AgreementsService } from './agreements.service';
import { AgreementPlaceRepository } from './data/agreement-place.repository';
import { AgreementsRepository } from './data/agreements.repository';
import { FollowupsRepository } from './data/followups.repository';
import { InvitationsRepository } from './data/invitations.repository';
import { MembersRepository } from './data/members.repository';
import { MessagesRepository } from './data/messages.repository';
import { OfflineRepository } from './data/offline.repository';
import { RoomsRepository } from './data/rooms.repository';
import { MediationApi } from './mediation-api';
import { MediationController } from './mediation.controller';
import { MediationFollowupsWorker } from './mediation-followups.worker';
import { MediationService } from './mediation.service';
import { OfflineMediationService } from './offline-mediation.service';
import { OfflineRoomsController } from './offline-rooms.controller';
import { RealtimeGateway } from './realtime.gateway';
import { RoomAccess } from './room-access';
import { RoomChatService } from './room-chat.service';
import { RoomDetails } from './room-details';
import { RoomHub } from './room-hub';
import { RoomInvitationsService } from './room-invitations.service';
import { RoomLifecycle } from './room-lifecycle';
import { MessageBatcher } from './message-batcher';
import { RoomMessageNotices } from './room-message-notices';
import { RoomMessagesService } from './room-messages.service';

const REPOSITORIES = [
  RoomsRepository, MembersRepository, MessagesRepository, InvitationsRepository, AgreementsRepository, FollowupsRepository, OfflineRepository,
  AgreementPlaceRepository,
];

@Module({
  imports: [CasesModule, NotificationsModule, UploadsModule, IdentityModule, OrgUnitsModule],
  controllers: [MediationController, OfflineRoomsController],
  providers: [
    ...REPOSITORIES, MediationApi,
    RoomAccess, RoomHub, MessageBatcher, RoomMessageNotices, RoomMessagesService, RoomChatService, RoomLifecycle, RoomDetails, MediationService, RoomInvitationsService, AgreementsService,
    OfflineMediationService, MediationFollowupsWorker, RealtimeGateway, MediationFiguresRepository],
  exports: [MediationApi, MediationService, RoomChatService, RealtimeGateway, MediationFiguresRepository],
})
export class MediationModule {}

/**
 * The mediation feature's face: what other features may import from mediation (docs/architecture.md).
 * Its data (entities, repositories: mediation/data/) stays inside.
 */
export { MediationApi } from './mediation-api';
export type { OfflineRoomSeed, RoomName } from './mediation-api';
export { MediationModule } from './mediation.module';
export { MediationService } from './mediation.service';
export { RoomChatService } from './room-chat.service';
export { RealtimeGateway } from './realtime.gateway';
export { MediationFiguresRepository } from './data/mediation-figures.repository';

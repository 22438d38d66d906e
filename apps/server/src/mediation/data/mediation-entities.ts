import { MediationAgreementEntity } from './mediation-agreement.entity';
import { MediationConfirmationEntity } from './mediation-confirmation.entity';
import { MediationFollowupEntity } from './mediation-followup.entity';
import { MediationInvitationEntity } from './mediation-invitation.entity';
import { MediationMemberEntity } from './mediation-member.entity';
import { MediationMessageEntity } from './mediation-message.entity';
import { MediationRoomEntity } from './mediation-room.entity';
import { OfflineBookingEntity } from './offline-booking.entity';
import { OfflineRoomEntity } from './offline-room.entity';
import { OfflineSlotEntity } from './offline-slot.entity';

/** The mediation feature's entities, for TypeORM's list (database/data-source.ts). */
export const MEDIATION_ENTITIES = [
  MediationRoomEntity, MediationMemberEntity, MediationMessageEntity, MediationInvitationEntity, MediationAgreementEntity,
  MediationConfirmationEntity, MediationFollowupEntity, OfflineRoomEntity, OfflineSlotEntity, OfflineBookingEntity,
];

export {
  MediationAgreementEntity, MediationConfirmationEntity, MediationFollowupEntity, MediationInvitationEntity, MediationMemberEntity,
  MediationMessageEntity, MediationRoomEntity, OfflineBookingEntity, OfflineRoomEntity, OfflineSlotEntity,
};

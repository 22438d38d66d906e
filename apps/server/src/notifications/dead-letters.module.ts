import { Module } from '@nestjs/common';
import { CasesModule } from '../cases';
import { MediationModule } from '../mediation';
import { IdentityModule } from '../identity';
import { OrgUnitsModule } from '../org';
import { DeadLettersRepository } from './data/dead-letters.repository';
import { DeadLetters } from './dead-letters';
import { DeadLettersController } from './dead-letters.controller';

/**
 * The admins' dead-letter list (消息投递), apart from the outbox worker: it reads names through the
 * faces of identity, cases, org and mediation, which themselves send notifications (so it cannot live in
 * NotificationsModule, which they import).
 */
@Module({
  imports: [CasesModule, IdentityModule, OrgUnitsModule, MediationModule],
  controllers: [DeadLettersController],
  providers: [DeadLetters, DeadLettersRepository],
})
export class DeadLettersModule {}

import { Module } from '@nestjs/common';
import { CasesModule } from '../cases';
import { MediationModule } from '../mediation';
import { OrgModule, OrgUnitNames } from '../org';
import { DeadLettersRepository } from './data/dead-letters.repository';
import { DeadLetters } from './dead-letters';
import { DeadLettersController } from './dead-letters.controller';

/**
 * The admins' dead-letter list (消息投递), apart from the outbox worker: it reads names through the
 * faces of cases, org and mediation, which themselves send notifications (so it cannot live in
 * NotificationsModule, which they import).
 */
@Module({
  imports: [CasesModule, OrgModule, MediationModule],
  controllers: [DeadLettersController],
  providers: [DeadLetters, DeadLettersRepository, OrgUnitNames],
})
export class DeadLettersModule {}

import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { NotificationsRepository } from './data/notifications.repository';
import { OutboxRepository } from './data/outbox.repository';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxWorker } from './outbox.worker';

@Module({
  // Identity's Accounts: the recipients' openids for subscribe messages.
  imports: [IdentityModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, OutboxRepository, NotificationsService, OutboxWorker],
  exports: [NotificationsService, OutboxWorker],
})
export class NotificationsModule {}

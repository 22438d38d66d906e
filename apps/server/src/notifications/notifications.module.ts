import { Module } from '@nestjs/common';
import { NotificationsRepository } from './data/notifications.repository';
import { OutboxRepository } from './data/outbox.repository';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxWorker } from './outbox.worker';

@Module({
  controllers: [NotificationsController],
  providers: [NotificationsRepository, OutboxRepository, NotificationsService, OutboxWorker],
  exports: [NotificationsService, OutboxWorker],
})
export class NotificationsModule {}

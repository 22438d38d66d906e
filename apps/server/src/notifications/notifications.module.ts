import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '../identity/user.entity';
import { NotificationEntity, OutboxEntity } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxWorker } from './outbox.worker';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity, OutboxEntity, UserEntity])],
  controllers: [NotificationsController],
  providers: [NotificationsService, OutboxWorker],
  exports: [NotificationsService, OutboxWorker],
})
export class NotificationsModule {}

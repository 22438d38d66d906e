import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SupervisionController } from './supervision.controller';
import { SupervisionService } from './supervision.service';

/** 督办/催办: the leaders' list of escalated cases and urging the responsible officer. */
@Module({
  imports: [CasesModule, NotificationsModule],
  controllers: [SupervisionController],
  providers: [SupervisionService],
  exports: [SupervisionService],
})
export class SupervisionModule {}

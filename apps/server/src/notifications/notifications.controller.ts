import { ErrorCode, NotificationLink, NotificationView, OutboxRetryResult, Permission } from '@jws/contracts';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import { PageOf, PageQueryDto } from '../common/paging';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import { NotificationsService } from './notifications.service';
import { OutboxWorker } from './outbox.worker';

class NotificationDto implements NotificationView {
  @ApiProperty() id: number;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: Number }) caseId: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '调解室有新消息: the room to open' }) roomId: number | null;
  @ApiProperty({ nullable: true, enum: NotificationLink, description: 'a notice about neither a case nor a room (join decisions): the page to open' }) link: NotificationLink | null;
  @ApiProperty({ nullable: true, type: Number, description: '新的加入申请: the community whose 待审核 the link opens' }) communityId: number | null;
  @ApiProperty({ nullable: true, type: String }) readAt: string | null;
  @ApiProperty() createdAt: string;
}

class NotificationPageDto extends PageOf(NotificationDto) {}

class CountDto {
  @ApiProperty() count: number;
}

class OutboxRetryDto implements OutboxRetryResult {
  @ApiProperty({ description: '0: no longer a dead letter' }) count: number;
  @ApiProperty({ nullable: true, enum: ['sent', 'skipped', 'dead', 'pending'], description: 'how the immediate send went (pending: WeChat busy, tried again later)' })
  status: 'sent' | 'skipped' | 'dead' | 'pending' | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
}

@ApiTags('notifications 消息')
@Controller()
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxWorker,
  ) {}

  @Get('notifications')
  @Authenticated()
  @ApiOperation({ summary: "The caller's in-app notifications, newest first (the channel that always works)" })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentCaller() caller: Caller, @Query() q: PageQueryDto): Promise<NotificationPageDto> {
    return this.notifications.list(caller, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get('notifications/unread-count')
  @Authenticated()
  @ApiOperation({ summary: 'Number of unread notifications' })
  @ApiOkResponse({ type: CountDto })
  async unread(@CurrentCaller() caller: Caller): Promise<CountDto> {
    return { count: await this.notifications.unreadCount(caller) };
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: "全部已读: mark every unread notification of the caller's read; answers how many were" })
  @ApiOkResponse({ type: CountDto })
  async readAll(@CurrentCaller() caller: Caller): Promise<CountDto> {
    return { count: await this.notifications.markAllRead(caller) };
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Mark one notification read' })
  @ApiNoContentResponse({ description: 'marked read' })
  @ApiErrors(ErrorCode.NotFound)
  async read(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<void> {
    await this.notifications.markRead(caller, id);
  }

  @Post('admin/outbox/:id/retry')
  @HttpCode(200)
  @Authenticated({ permission: Permission.OutboxAdmin })
  @ApiOperation({ summary: 'Send a dead letter again, now, and answer how it went' })
  @ApiOkResponse({ type: OutboxRetryDto })
  retry(@Param('id', IdParamPipe) id: number): Promise<OutboxRetryDto> {
    return this.outbox.retryNow(id);
  }
}

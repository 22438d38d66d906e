import { OutboxDeadLetterView, Permission } from '@jws/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import { DeadLetters } from './dead-letters';

class OutboxEntryDto implements OutboxDeadLetterView {
  @ApiProperty() id: number;
  @ApiProperty() topic: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ description: 'WeChat refused the request itself (e.g. 47003): not tried again' }) refused: boolean;
  @ApiProperty({ description: 'to the informant of a sealed case: recipient, notice and case are not shown' }) confidential: boolean;
  @ApiProperty({ nullable: true, type: String, description: "the recipient's name or nickname, masked" }) recipientName: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the notice's title" }) noticeTitle: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the case it was about (案件编号)' }) caseNumber: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'that case, when the caller may open it' }) caseId: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'the community it was about (join decisions)' }) communityName: string | null;
  @ApiProperty() createdAt: string;
}

@ApiTags('notifications 消息')
@Controller()
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Get('admin/outbox/dead')
  @Authenticated({ permission: Permission.OutboxAdmin })
  @ApiOperation({ summary: 'Dead letters: outgoing messages that failed for good' })
  @ApiOkResponse({ type: [OutboxEntryDto] })
  dead(@CurrentCaller() caller: Caller): Promise<OutboxEntryDto[]> {
    return this.deadLetters.views(caller);
  }
}

import { ErrorCode, Permission } from '@jws/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiErrors } from '../common/api-errors.decorator';
import { PlainInt } from '../common/validation';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import { AuditService } from './audit.service';
import { MAX_PAGE, PageOf } from '../common/paging';

export class AuditQueryDto {
  @ApiPropertyOptional({ default: 1, maximum: MAX_PAGE }) @IsOptional() @PlainInt() @IsInt() @Min(1) @Max(MAX_PAGE)
  page?: number;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @PlainInt() @IsInt() @Min(1) @Max(200)
  pageSize?: number;
  @ApiPropertyOptional({ example: 'personal_data.read' }) @IsOptional() @IsString() @MaxLength(64)
  action?: string;
  @ApiPropertyOptional({ example: 42, description: 'who acted (a user id)' }) @IsOptional() @PlainInt() @IsInt() @Min(1)
  actorId?: number;
  @ApiPropertyOptional({ example: 'user', description: 'what the entries are about, e.g. user, case, community' }) @IsOptional() @IsString() @MaxLength(32)
  targetType?: string;
  @ApiPropertyOptional({ example: '42' }) @IsOptional() @IsString() @MaxLength(64)
  targetId?: string;
}

class AuditEntryDto {
  @ApiProperty() id: number;
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: Number }) actorId: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'staff: 姓名（角色）; residents: 居民' }) actorName: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: String }) targetType: string | null;
  @ApiProperty({ nullable: true, type: String }) targetId: string | null;
  @ApiProperty({ enum: ['ok', 'denied'] }) outcome: 'ok' | 'denied';
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: String }) detail: string | null;
}

class AuditPageDto extends PageOf(AuditEntryDto) {}

@ApiTags('audit 审计')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authenticated({ permission: Permission.AuditRead })
  @ApiOperation({ summary: 'Audit log, newest first (admins and city leaders), filtered by action, actor (`actorId`) and target; reading it is itself audited' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors(ErrorCode.Forbidden)
  list(@CurrentCaller() caller: Caller, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list(caller, query.page ?? 1, query.pageSize ?? 50, {
      action: query.action, actorId: query.actorId, targetType: query.targetType, targetId: query.targetId,
    });
  }
}

import {
  CreateReferralRequest, CreateReferralTargetRequest, GovernanceClass, GovernanceClassRequest, REFERRAL_TARGET_NAME_MAX, REFERRAL_TARGET_PHONE_MAX,
  ReferralReplyRequest, ReferralStatus, ReferralTargetKind, UpdateReferralTargetRequest,
} from '@jws/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsISO8601, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_ID, OptionalEnum, OptionalId, OptionalText, PlainInt, RequiredEnum, RequiredId, RequiredText } from '../common/validation';

/** A phone a person can dial: digits with - ( ) + and spaces, optionally 转 an extension (12345, 0552-2011001, 0552-1234567转801). */
const PHONE_PATTERN = /^$|^[\d\-+() ]{3,}(转\d{1,6})?$/;

export class CreateReferralDto implements CreateReferralRequest {
  @RequiredId() targetId: number;
  @RequiredText(500, '噪音来自夜间施工，属住建部门职责') reason: string;
  @OptionalId() contactUserId?: number;
  @ApiPropertyOptional({ example: '2026-12-03T09:00:00+08:00' }) @IsOptional() @IsISO8601() receiptDueAt?: string;
  @ApiPropertyOptional({ example: '2026-12-08T17:00:00+08:00' }) @IsOptional() @IsISO8601() replyDueAt?: string;
}

export class ReferralReplyDto implements ReferralReplyRequest {
  @RequiredText(1000, '已核实，属实，已立案处理') outcome: string;
  @OptionalText(1000, '住建局2026年12月3日书面回复函') evidence?: string;
}

export class ReferralListQueryDto {
  @OptionalEnum(ReferralStatus) status?: ReferralStatus;
}

export class CreateReferralTargetDto implements CreateReferralTargetRequest {
  @RequiredEnum(ReferralTargetKind) kind: ReferralTargetKind;
  @RequiredText(REFERRAL_TARGET_NAME_MAX, '蚌山分局交警大队') name: string;
  @OptionalText(REFERRAL_TARGET_PHONE_MAX, '0552-1234567') @Matches(PHONE_PATTERN, { message: '联系电话只能填写数字、短横线和分机号，如 0552-1234567 转 801' }) phone?: string;
  @OptionalId() orgUnitId?: number;
  @StaffUserIds(false) staffUserIds?: number[];
}

export class UpdateReferralTargetDto implements UpdateReferralTargetRequest {
  @RequiredText(REFERRAL_TARGET_NAME_MAX, '蚌山分局交警大队') name: string;
  @OptionalText(REFERRAL_TARGET_PHONE_MAX, '0552-1234567') @Matches(PHONE_PATTERN, { message: '联系电话只能填写数字、短横线和分机号，如 0552-1234567 转 801' }) phone?: string;
  @StaffUserIds(true) staffUserIds: number[];
}

/** Department staff users who work a target's referrals (the whole list). */
function StaffUserIds(required: boolean): PropertyDecorator {
  return applyDecorators(
    required
      ? ApiProperty({ type: [Number], description: 'department staff users who work it (the whole list)' })
      : ApiPropertyOptional({ type: [Number], description: 'department staff users who work it' }),
    ...(required ? [] : [IsOptional()]),
    IsArray(), ArrayMaxSize(50), PlainInt(), IsInt({ each: true }), Min(1, { each: true }), Max(MAX_ID, { each: true }),
  );
}

export class GovernanceClassDto implements GovernanceClassRequest {
  @RequiredEnum(GovernanceClass, GovernanceClass.Dispute) governanceClass: GovernanceClass;
}

export class DigestQueryDto {
  @ApiPropertyOptional({ example: '2026-12-02', description: 'day of the digest (UTC+8); default today' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date 应为 YYYY-MM-DD' })
  date?: string;
}

import {
  AssistMode, AssistPlanRequest, AssistRequest, CaseKind, EmergencyAdvice, ReportPrefill, RouteType, ServiceMatterUpdate, ServiceRoute,
} from '@jws/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsObject, IsOptional, IsString, MaxLength, ValidateNested,
} from 'class-validator';
import { OptionalId, OptionalText, RequiredEnum, RequiredText } from '../common/validation';

export class GuideSearchQueryDto {
  @OptionalText(50, '孩子上户口') q?: string;
}

export class AssistDto implements AssistRequest {
  @RequiredEnum(RouteType, RouteType.WanShiTong) routeType: RouteType;
  @RequiredText(500, '不会用手机上传材料') note: string;
  @OptionalId() communityId?: number;
}

export class AssistPlanDto implements AssistPlanRequest {
  @RequiredText(32, '王建国') helperName: string;
  @RequiredEnum(AssistMode, AssistMode.HomeVisit) mode: AssistMode;
  @OptionalText(200) note?: string;
}

class ReportPrefillDto implements ReportPrefill {
  @ApiProperty({ enum: CaseKind }) @IsEnum(CaseKind) kind: CaseKind;
  @RequiredText(32) subcategory: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() mediation?: boolean;
}

class EmergencyAdviceDto implements EmergencyAdvice {
  @RequiredText(200, '正在打架、有人受伤时', '紧急情况') when: string;
  @RequiredText(8, '110', '紧急电话') phone: string;
}

class RouteDto implements ServiceRoute {
  @RequiredEnum(RouteType) type: RouteType;
  @RequiredText(64) title: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(12) @IsString({ each: true }) @MaxLength(200, { each: true })
  steps: string[];
  @OptionalText(300) link?: string;
  @OptionalText(200) address?: string;
  @OptionalText(100) hours?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(100, { each: true })
  materials?: string[];
  @OptionalText(32) phone?: string;
  @OptionalText(64) departmentName?: string;
  @ApiPropertyOptional({ type: ReportPrefillDto, description: '警务室上报 routes: the kind and subcategory the 上报 form opens with' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ReportPrefillDto)
  report?: ReportPrefillDto;
}

class AssistTargetDto {
  @ApiProperty({ enum: CaseKind }) @IsEnum(CaseKind) kind: CaseKind;
  @RequiredText(32) subcategory: string;
}

/** A new version of a matter (admins, 工作台). */
export class ServiceMatterUpdateDto implements ServiceMatterUpdate {
  @RequiredText(50, '居住证', '事项名称') title: string;
  @RequiredText(16, '户籍', '事项分类') category: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(30, { message: '同义词最多30个' }) @IsString({ each: true })
  @MaxLength(30, { each: true, message: '每个同义词不能超过30个字' })
  synonyms: string[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(30, { message: '群众的说法最多30条' }) @IsString({ each: true })
  @MaxLength(50, { each: true, message: '每条群众的说法不能超过50个字' })
  phrases: string[];
  @RequiredText(500, undefined, '简介') summary: string;
  @ApiProperty({ type: [RouteDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(8) @ValidateNested({ each: true }) @Type(() => RouteDto)
  routes: RouteDto[];
  @ApiProperty({ type: AssistTargetDto }) @IsObject() @ValidateNested() @Type(() => AssistTargetDto)
  assist: AssistTargetDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() common?: boolean;
  @ApiPropertyOptional({ type: EmergencyAdviceDto, description: 'when to call 110 (119, 122) at once instead' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => EmergencyAdviceDto)
  emergency?: EmergencyAdviceDto;
}

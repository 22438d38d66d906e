import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

/** Reusable validators so DTOs do not repeat the same stacks. */

/**
 * A required text field. With `label` (事项名称) a person reads what is wrong in Chinese
 * (请填写事项名称, 事项名称不能超过50个字) and blanks alone count as empty.
 */
export function RequiredText(maxLength: number, example?: string, label?: string) {
  if (!label) return applyDecorators(ApiProperty({ maxLength, example }), IsString(), IsNotEmpty(), MaxLength(maxLength));
  const missing = { message: `请填写${label}` };
  return applyDecorators(
    ApiProperty({ maxLength, example }),
    IsString(missing),
    Matches(/\S/, missing),
    MaxLength(maxLength, { message: `${label}不能超过${maxLength}个字` }),
  );
}

export function OptionalText(maxLength: number, example?: string) {
  return applyDecorators(ApiPropertyOptional({ maxLength, example }), IsOptional(), IsString(), MaxLength(maxLength));
}

export function RequiredId(example = 1) {
  return applyDecorators(ApiProperty({ type: Number, example }), Type(() => Number), IsInt(), Min(1));
}

export function RequiredEnum(enumType: object, example?: unknown) {
  return applyDecorators(ApiProperty({ enum: enumType, example }), IsEnum(enumType));
}

export function OptionalEnum(enumType: object) {
  return applyDecorators(ApiPropertyOptional({ enum: enumType }), IsOptional(), IsEnum(enumType));
}

/** Invite codes: 6–12 letters/digits, case-insensitive. */
export function InviteCode() {
  return applyDecorators(
    ApiProperty({ example: 'HF3K7Q9M' }),
    IsString(),
    Matches(/^[A-Za-z0-9]{6,12}$/, { message: '邀请码应为6到12位字母或数字' }),
  );
}

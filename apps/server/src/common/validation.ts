import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateBy } from 'class-validator';

/** Reusable validators so DTOs do not repeat the same stacks. */

/**
 * A required text field. With `label` (事项名称) a person reads what is wrong in Chinese
 * (请填写事项名称, 事项名称不能超过50个字; with `minLength`, 拒绝理由至少2个字) and blanks alone count as empty.
 */
export function RequiredText(maxLength: number, example?: string, label?: string, minLength = 1) {
  if (!label) return applyDecorators(ApiProperty({ maxLength, example }), IsString(), IsNotEmpty(), MaxLength(maxLength));
  const missing = { message: `请填写${label}` };
  return applyDecorators(
    ApiProperty({ maxLength, minLength: minLength > 1 ? minLength : undefined, example }),
    IsString(missing),
    Matches(/\S/, missing),
    TextLength(minLength, maxLength, label),
  );
}

/**
 * Length of a text a person typed, said in Chinese: at least `min` characters once trimmed, at
 * most `max`. Only the one thing wrong is said: a missing or blank text is 请填写… alone.
 */
function TextLength(min: number, max: number, label: string) {
  const tooShort = (value: string) => value.trim() !== '' && value.trim().length < min;
  return ValidateBy({
    name: 'textLength',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || (!tooShort(value) && value.length <= max),
      defaultMessage: (args) => (typeof args?.value === 'string' && tooShort(args.value) ? `${label}至少${min}个字` : `${label}不能超过${max}个字`),
    },
  });
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

import { hasWords, textLength } from '@jws/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';

/** Reusable validators so DTOs do not repeat the same stacks. */

/**
 * A required text field. With `label` (事项名称) a person reads what is wrong in Chinese
 * (请填写事项名称, 事项名称不能超过50个字; with `minLength`, 拒绝理由至少2个字) and blanks alone count as empty.
 * Lengths count characters as people do (by code point: an emoji is one). A `minLength` above 1
 * asks for words: a text of emoji or punctuation alone is 请写明拒绝理由.
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
 * most `max`, counted by code point. Only the one thing wrong is said: a missing or blank text is
 * 请填写… alone; with `min` above 1, one without a letter or digit is 请写明….
 */
function TextLength(min: number, max: number, label: string) {
  const problem = (value: string): string | null => {
    const trimmed = value.trim();
    if (trimmed === '') return null;
    if (min > 1 && !hasWords(trimmed)) return `请写明${label}`;
    if (textLength(trimmed) < min) return `${label}至少${min}个字`;
    if (textLength(value) > max) return `${label}不能超过${max}个字`;
    return null;
  };
  return ValidateBy({
    name: 'textLength',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || problem(value) === null,
      defaultMessage: (args) => (typeof args?.value === 'string' ? (problem(args.value) ?? '') : ''),
    },
  });
}

/** An optional text; with `label` (申请说明), too long is said in Chinese (申请说明不能超过200个字), counted by code point. */
export function OptionalText(maxLength: number, example?: string, label?: string) {
  if (!label) return applyDecorators(ApiPropertyOptional({ maxLength, example }), IsOptional(), IsString(), MaxLength(maxLength));
  return applyDecorators(
    ApiPropertyOptional({ maxLength, example }),
    IsOptional(),
    IsString({ message: `${label}应为文字` }),
    TextLength(0, maxLength, label),
  );
}

/** The largest id a row can have (MariaDB INT); a larger one names nothing and is refused as malformed. */
export const MAX_ID = 2_147_483_647;

/** A whole number written plainly: decimal digits, no sign, no leading zero ('12', not '1e3', '0x10', '1.0', ' 1', '012'). */
export const PLAIN_INTEGER = /^(0|[1-9]\d{0,15})$/;

function toInteger(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toInteger);
  return typeof value === 'string' && PLAIN_INTEGER.test(value) ? Number(value) : value;
}

/**
 * A whole number from a query string or a JSON body: a JSON integer, or a string of plain decimal
 * digits (a query value), which becomes that number. Anything else ('1e3', '0x10', '1.0', ' 1') is
 * left as it is, so that IsInt refuses it (unlike `@PlainInt()`, which reads all of those).
 */
export function PlainInt() {
  return Transform(({ value }) => toInteger(value));
}

/** An id a client names: a positive integer up to MAX_ID (see PlainInt). */
export function RequiredId(example = 1) {
  return applyDecorators(ApiProperty({ type: Number, example, minimum: 1, maximum: MAX_ID }), PlainInt(), IsInt(), Min(1), Max(MAX_ID));
}

export function OptionalId() {
  return applyDecorators(ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_ID }), IsOptional(), PlainInt(), IsInt(), Min(1), Max(MAX_ID));
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

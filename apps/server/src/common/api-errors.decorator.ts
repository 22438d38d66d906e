import { ERROR_MESSAGES, ErrorCode } from '@jws/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { httpStatusOf } from './domain.exception';

export class ApiErrorDto {
  @ApiProperty({ enum: ErrorCode, example: ErrorCode.ValidationFailed })
  code: ErrorCode;
  @ApiProperty({ example: ERROR_MESSAGES[ErrorCode.ValidationFailed], description: '给用户看的中文说明' })
  message: string;
  @ApiPropertyOptional({ description: 'Present on unexpected (500) errors; also in the server log' })
  errorId?: string;
  @ApiPropertyOptional({ type: [String] })
  details?: string[];
}

/** Documents the coded errors a route can answer, grouped by HTTP status. */
export function ApiErrors(...codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set([...codes, ErrorCode.ValidationFailed, ErrorCode.ServiceUnavailable, ErrorCode.Internal])) {
    const status = httpStatusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, list]) =>
      ApiResponse({
        status,
        type: ApiErrorDto,
        description: list.map((c) => `${c}: ${ERROR_MESSAGES[c]}`).join('; '),
      }),
    ),
  );
}

import type { Page } from '@jws/contracts';
import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** `?page=&pageSize=` of a paged list: pages from 1, at most 100 items a page. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  page?: number;
  @ApiPropertyOptional({ default: 20, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}

/**
 * The response class of a paged list, for the API docs: `class CasePageDto extends PageOf(CaseSummaryDto) {}`
 * documents `{ items: CaseSummaryDto[], total, page, pageSize }` (Page<T> in contracts).
 */
export function PageOf<T>(item: ClassType<T>): ClassType<Page<T>> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty({ description: 'items over all pages' }) total: number;
    @ApiProperty() page: number;
    @ApiProperty() pageSize: number;
  }
  return PageDto;
}

/**
 * One page of a raw select with the total over all pages, in one statement: the total comes
 * from `COUNT(*) OVER ()` (MariaDB 10.2+, SQLite 3.25+), which is computed before LIMIT. Only a
 * page past the end, which has no row to carry it, costs a second statement.
 */
export async function rawPage<R extends Record<string, unknown>>(
  qb: SelectQueryBuilder<ObjectLiteral>,
  page: number,
  pageSize: number,
): Promise<{ rows: R[]; total: number }> {
  const rows = await qb
    .clone()
    .addSelect('COUNT(*) OVER ()', 'pageTotal')
    .offset((page - 1) * pageSize)
    .limit(pageSize)
    .getRawMany<R & { pageTotal: unknown }>();
  if (rows.length > 0) return { rows, total: Number(rows[0].pageTotal) };
  if (page === 1) return { rows, total: 0 };
  const counted = await qb.clone().orderBy().select('COUNT(*)', 'n').getRawOne<{ n: unknown }>();
  return { rows, total: Number(counted?.n ?? 0) };
}

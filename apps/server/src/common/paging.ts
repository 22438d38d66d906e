import type { Page } from '@jws/contracts';
import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { PlainInt } from './validation';

/** The last page a list serves: beyond it an OFFSET only costs the database (and 1e20 is no SQL number). */
export const MAX_PAGE = 10_000;

/** `?page=&pageSize=` of a paged list: pages from 1 to MAX_PAGE, at most 100 items a page. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, maximum: MAX_PAGE }) @IsOptional() @PlainInt() @IsInt() @Min(1) @Max(MAX_PAGE)
  page?: number;
  @ApiPropertyOptional({ default: 20, maximum: 100 }) @IsOptional() @PlainInt() @IsInt() @Min(1) @Max(100)
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
 * One page of a raw select and the total over all pages: the page and a COUNT(*) of the same
 * select, sent at once. (COUNT(*) OVER () in the page's own statement was measured slower on
 * MariaDB: it materialises every matching row before LIMIT — 3.2 ms against 0.9 + 0.8 ms for a
 * page of the city's 453 communities, 2.0 against 1.1 + 0.4 ms for a community's members.)
 */
export async function rawPage<R extends Record<string, unknown>>(
  qb: SelectQueryBuilder<ObjectLiteral>,
  page: number,
  pageSize: number,
  /** The same rows without the joins that only add columns, where the count can skip them. */
  countQb: SelectQueryBuilder<ObjectLiteral> = qb,
): Promise<{ rows: R[]; total: number }> {
  const [rows, counted] = await Promise.all([
    qb.clone().offset((page - 1) * pageSize).limit(pageSize).getRawMany<R>(),
    countQb.clone().orderBy().select('COUNT(*)', 'n').getRawOne<{ n: unknown }>(),
  ]);
  return { rows, total: Number(counted?.n ?? 0) };
}

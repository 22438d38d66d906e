import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import * as classValidator from 'class-validator';
import { PlainNumbersValidationPipe } from './validation.pipe';

class ListQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
  @IsOptional() @IsIn(['open', 'closed']) status?: string;
}

const query: ArgumentMetadata = { type: 'query', metatype: ListQuery };
const pipe = () => new PlainNumbersValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

describe('PlainNumbersValidationPipe on query DTOs', () => {
  afterEach(() => jest.restoreAllMocks());

  it('validates a query string once and answers the same query again with an equal, separate DTO', async () => {
    const p = pipe();
    const validate = jest.spyOn(classValidator, 'validate');
    const first = (await p.transform({ pageSize: '20', status: 'open' }, query)) as ListQuery;
    const again = (await p.transform({ pageSize: '20', status: 'open' }, query)) as ListQuery;
    expect(first).toBeInstanceOf(ListQuery);
    expect(again).toBeInstanceOf(ListQuery);
    expect(again).toEqual({ pageSize: 20, status: 'open' });
    expect(again).not.toBe(first);
    again.pageSize = 99;
    expect(((await p.transform({ pageSize: '20', status: 'open' }, query)) as ListQuery).pageSize).toBe(20);
    expect(validate).toHaveBeenCalledTimes(1);
  });

  it('refuses a bad query every time, with its own errors, and still validates other queries', async () => {
    const p = pipe();
    await expect(p.transform({ pageSize: '500' }, query)).rejects.toBeInstanceOf(BadRequestException);
    await expect(p.transform({ pageSize: '500' }, query)).rejects.toBeInstanceOf(BadRequestException);
    await expect(p.transform({ pageSize: '20', extra: 'x' }, query)).rejects.toBeInstanceOf(BadRequestException);
    expect(await p.transform({ page: '2' }, query)).toEqual({ page: 2 });
  });
});

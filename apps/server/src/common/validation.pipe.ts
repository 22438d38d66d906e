import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { PLAIN_INTEGER } from './validation';

/** Query strings remembered per DTO class once validated; more are validated but not kept. */
const MEMO_MAX = 500;
/** Longer query strings are validated each time (the hot ones are a page number and a filter or two). */
const MEMO_KEY_MAX = 512;

/**
 * Nest's ValidationPipe, with two changes:
 * - a path or query value declared as a number is converted only when written plainly ('12').
 *   Nest's own conversion is `+value`, which reads '1e3' as 1000, '0x10' as 16 and ' 1' or '1.0'
 *   as 1, so IdParamPipe saw a valid number; now it sees the text and refuses it.
 * - a query DTO (`@Query() q: CaseQueueQueryDto`) that passed once for the same query string is
 *   not converted and validated again: the pipe keeps a copy of the result and hands out copies.
 *   A list polled by every officer with `?pageSize=20` cost class-transformer and class-validator
 *   ~5 % of the service's CPU per request. Safe because the DTOs' rules and transforms are pure
 *   functions of the query (no database, clock or randomness); a query that fails is never kept,
 *   so each bad request is refused with its own errors.
 */
export class PlainNumbersValidationPipe extends ValidationPipe {
  private readonly validatedQueries = new Map<unknown, Map<string, object>>();

  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.metatype === Number && typeof value === 'string' && !PLAIN_INTEGER.test(value)) return value;
    return super.transformPrimitive(value, metadata);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'query' || !metadata.metatype || typeof value !== 'object' || value === null || Array.isArray(value)) {
      return super.transform(value, metadata);
    }
    const key = JSON.stringify(value);
    if (key.length > MEMO_KEY_MAX) return super.transform(value, metadata);
    let memo = this.validatedQueries.get(metadata.metatype);
    const known = memo?.get(key);
    if (known) return copyOf(known);
    const result: unknown = await super.transform(value, metadata);
    if (typeof result !== 'object' || result === null) return result;
    if (!memo) this.validatedQueries.set(metadata.metatype, (memo = new Map()));
    if (memo.size >= MEMO_MAX) return result;
    memo.set(key, copyOf(result));
    return result;
  }
}

/** A copy of a validated DTO: same class, own fields copied (arrays too), so no request sees another's changes. */
function copyOf<T extends object>(dto: T): T {
  const copy = Object.create(Object.getPrototypeOf(dto) as object) as Record<string, unknown>;
  for (const [field, value] of Object.entries(dto)) copy[field] = Array.isArray(value) ? [...(value as unknown[])] : value;
  return copy as T;
}

import { FindManyOptions, IsNull, LessThan, LessThanOrEqual, ObjectLiteral, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** A scheduler row: due at `nextCheckAt`, open while its `open` column is null, claimed with a lease. */
export interface LeasedRow extends ObjectLiteral {
  id: number;
  nextCheckAt: Date | null;
  leaseOwner: string | null;
  leaseUntil: Date | null;
}

/**
 * Claims due rows one at a time with a conditional UPDATE (the lease), and hands each claimed id
 * to `handle` while this instance holds it: several instances never handle a row twice, and a
 * row whose handler died is taken again once its lease ran out. Returns how many `handle` counted.
 */
export async function handleDueRows<T extends LeasedRow>(
  repo: Repository<T>,
  open: { field: keyof T & string; column: string },
  lease: { owner: string; ms: number; batch: number },
  now: Date,
  handle: (id: number) => Promise<boolean>,
): Promise<number> {
  const due = { [open.field]: IsNull(), nextCheckAt: LessThanOrEqual(now) };
  const candidates = await repo.find({
    select: { id: true },
    where: [{ ...due, leaseUntil: IsNull() }, { ...due, leaseUntil: LessThan(now) }],
    order: { nextCheckAt: 'ASC' },
    take: lease.batch,
  } as unknown as FindManyOptions<T>);
  let handled = 0;
  for (const { id } of candidates) {
    const claim = await repo
      .createQueryBuilder()
      .update()
      .set({ leaseOwner: lease.owner, leaseUntil: new Date(now.getTime() + lease.ms) } as unknown as QueryDeepPartialEntity<T>)
      .where(`id = :id AND ${open.column} IS NULL AND next_check_at <= :now AND (lease_until IS NULL OR lease_until < :now)`, { id, now })
      .execute();
    if (claim.affected && (await handle(id))) handled++;
  }
  return handled;
}

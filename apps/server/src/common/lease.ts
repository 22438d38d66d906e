import { FindOptionsOrder, FindOptionsWhere, IsNull, LessThan, ObjectLiteral, Repository } from 'typeorm';

/** Rows the schedulers work on: an id and a lease (`lease_until`, optionally `lease_owner`). */
interface Leased extends ObjectLiteral {
  id: number;
  leaseUntil: Date | null;
}

export interface DueRows<T extends Leased> {
  /** Which rows are due, as a find condition (without the lease)… */
  where: FindOptionsWhere<T>;
  /** …and as SQL for the conditional claim, so a row that stopped being due is not claimed. */
  sql: string;
  params?: ObjectLiteral;
  order: FindOptionsOrder<T>;
  batch: number;
}

/**
 * The scheduler pattern every worker shares: find due rows whose lease is free or run out, claim
 * each with a conditional update (so of several instances only one wins a row), then `work` it.
 * A claim that dies with its process simply runs out. Answers how many rows `work` reported done.
 */
export async function workClaimed<T extends Leased>(
  repo: Repository<T>,
  due: DueRows<T>,
  lease: { until: Date; owner?: string },
  now: Date,
  work: (id: number) => Promise<boolean>,
): Promise<number> {
  const leaseFree = [{ leaseUntil: IsNull() }, { leaseUntil: LessThan(now) }] as FindOptionsWhere<T>[];
  const candidates = await repo.find({
    select: { id: true } as never,
    where: leaseFree.map((free) => ({ ...due.where, ...free })),
    order: due.order,
    take: due.batch,
  });
  let done = 0;
  for (const { id } of candidates) {
    const claim = await repo
      .createQueryBuilder()
      .update()
      .set((lease.owner ? { leaseOwner: lease.owner, leaseUntil: lease.until } : { leaseUntil: lease.until }) as never)
      .where(`id = :id AND ${due.sql} AND (lease_until IS NULL OR lease_until < :now)`, { ...due.params, id, now })
      .execute();
    if (!claim.affected) continue;
    if (await work(id)) done++;
  }
  return done;
}

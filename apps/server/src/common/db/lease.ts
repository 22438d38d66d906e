import { FindOptionsOrder, FindOptionsWhere, In, IsNull, LessThan, ObjectLiteral, Repository } from 'typeorm';

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

/** Up to `due.batch` ids of due rows whose lease is free or has run out, in the due order. */
function dueCandidates<T extends Leased>(repo: Repository<T>, due: DueRows<T>, now: Date): Promise<T[]> {
  const leaseFree = [{ leaseUntil: IsNull() }, { leaseUntil: LessThan(now) }] as FindOptionsWhere<T>[];
  return repo.find({
    select: { id: true } as never,
    where: leaseFree.map((free) => ({ ...due.where, ...free })),
    order: due.order,
    take: due.batch,
  });
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
  const candidates = await dueCandidates(repo, due, now);
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

/** Rows claimed in batches carry the claimant's token next to the lease. */
interface OwnedLease extends Leased {
  leaseOwner: string | null;
}

/**
 * The batch form of workClaimed, for workers that go through many rows (the outbox): find due rows
 * whose lease is free or run out, claim them all with one conditional UPDATE writing `token`
 * (unique per claim: an instance's id and a counter), and read back, in the due order, the rows
 * that carry it — the ones this claim won; a row another instance claimed first keeps that one's
 * token and is not returned. Three statements per batch instead of a claim and a read per row.
 */
export async function claimBatch<T extends OwnedLease>(
  repo: Repository<T>,
  due: DueRows<T>,
  lease: { until: Date; token: string },
  now: Date,
): Promise<T[]> {
  const candidates = await dueCandidates(repo, due, now);
  if (!candidates.length) return [];
  const ids = candidates.map((c) => c.id);
  await repo
    .createQueryBuilder()
    .update()
    .set({ leaseOwner: lease.token, leaseUntil: lease.until } as never)
    .where(`id IN (:...ids) AND ${due.sql} AND (lease_until IS NULL OR lease_until < :now)`, { ...due.params, ids, now })
    .execute();
  return repo.find({ where: { id: In(ids), leaseOwner: lease.token } as FindOptionsWhere<T>, order: due.order });
}

import { CaseKind, TERMINAL_STATUSES } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import { Database } from '../../common/db';
import type { parseCaseNumber } from '../case-number';
import { CaseEntity } from './case.entity';

/** What a case number names (case-number.ts `parseCaseNumber`). */
export type NamedCase = NonNullable<ReturnType<typeof parseCaseNumber>>;

/**
 * Which public cases a partner or citizen asks for (Open311 GeoReport): cases named by number (the
 * other filters are then ignored), or a creation window with categories and open/closed.
 */
export type PublicCaseFilter =
  | { numbers: readonly NamedCase[] }
  | { start: Date; end: Date; categories: readonly { kind: CaseKind; subcategory: string }[]; state?: 'open' | 'closed' };

/** The case a parsed number names, as a condition on alias c: its id, created on its day (`i` keeps parameters apart). */
function numberCondition(n: NamedCase, i: number): [string, Record<string, unknown>] {
  return [`(c.id = :id${i} AND c.createdAt >= :from${i} AND c.createdAt < :to${i})`, { [`id${i}`]: n.id, [`from${i}`]: n.from, [`to${i}`]: n.to }];
}

/**
 * The cases the public may see at all (open311/open311-public.ts decides which kinds): not held by
 * the text safety check. Read for Open311 through CasesApi.publicCases / publicCase.
 */
@Injectable()
export class PublicCasesRepository {
  constructor(private readonly db: Database) {}

  private visible(kinds: readonly CaseKind[]) {
    return this.db.manager
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.kind IN (:...kinds)', { kinds })
      .andWhere('c.heldForReview = :held', { held: 0 });
  }

  /** One page of the visible cases matching `filter`, newest first, and their total. */
  async page(kinds: readonly CaseKind[], filter: PublicCaseFilter, page: number, pageSize: number): Promise<{ rows: CaseEntity[]; total: number }> {
    const qb = this.visible(kinds);
    if ('numbers' in filter) {
      const named = filter.numbers;
      qb.andWhere(named.length ? new Brackets((w) => named.forEach((n, i) => w.orWhere(...numberCondition(n, i)))) : '1 = 0');
    } else {
      qb.andWhere('c.createdAt >= :start', { start: filter.start }).andWhere('c.createdAt <= :end', { end: filter.end });
      if (filter.categories.length) {
        qb.andWhere(
          new Brackets((w) => {
            filter.categories.forEach((s, i) => w.orWhere(`(c.kind = :k${i} AND c.subcategory = :s${i})`, { [`k${i}`]: s.kind, [`s${i}`]: s.subcategory }));
          }),
        );
      }
      if (filter.state) {
        qb.andWhere(filter.state === 'open' ? 'c.status NOT IN (:...terminal)' : 'c.status IN (:...terminal)', { terminal: TERMINAL_STATUSES });
      }
    }
    const total = await qb.getCount();
    const rows = await qb
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getMany();
    return { rows, total };
  }

  /** The visible case a number names, if any. */
  one(kinds: readonly CaseKind[], named: NamedCase): Promise<CaseEntity | null> {
    return this.visible(kinds).andWhere(...numberCondition(named, 0)).getOne();
  }
}

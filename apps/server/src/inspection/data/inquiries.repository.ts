import { Injectable } from '@nestjs/common';
import { EntityManager, Like } from 'typeorm';
import { Database } from '../../common/db';
import { InquiryEntity } from './inquiry.entity';

/** Every statement on inspection_inquiries (the inspection feature's own table). */
@Injectable()
export class InquiriesRepository {
  constructor(private readonly db: Database) {}

  async insert(m: EntityManager, inquiry: Omit<InquiryEntity, 'id'>): Promise<InquiryEntity> {
    const repo = m.getRepository(InquiryEntity);
    return repo.save(repo.create(inquiry));
  }

  /** A case's inquiries, newest first. */
  ofCase(caseId: number): Promise<InquiryEntity[]> {
    return this.db.manager.getRepository(InquiryEntity).find({ where: { caseId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** How many inquiries each case has. */
  async countsOf(caseIds: readonly number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    if (!caseIds.length) return out;
    const rows = await this.db.manager
      .getRepository(InquiryEntity)
      .createQueryBuilder('i')
      .select('i.case_id', 'caseId')
      .addSelect('COUNT(*)', 'n')
      .where('i.case_id IN (:...ids)', { ids: [...caseIds] })
      .groupBy('i.case_id')
      .getRawMany<{ caseId: unknown; n: unknown }>();
    for (const r of rows) out.set(Number(r.caseId), Number(r.n));
    return out;
  }

  /** A page of a subtree's inquiries, newest first. */
  async page(pathPrefix: string, page: number, pageSize: number): Promise<{ rows: InquiryEntity[]; total: number }> {
    const [rows, total] = await this.db.manager.getRepository(InquiryEntity).findAndCount({
      where: { orgPath: Like(`${pathPrefix}%`) }, order: { createdAt: 'DESC', id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize,
    });
    return { rows, total };
  }
}

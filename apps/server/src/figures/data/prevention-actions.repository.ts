import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { And, DataSource, FindOptionsWhere, In, LessThan, Like, MoreThanOrEqual } from 'typeorm';
import { FigureTarget, TimeRange } from '../../common/db';
import { PreventionActionEntity } from './prevention-action.entity';

/** Every statement on prevention_actions (the figures feature's own table). */
@Injectable()
export class PreventionActionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(PreventionActionEntity);
  }

  /** A subtree's actions by their community's path; an officer's, those they recorded. */
  private where(target: FigureTarget, range?: TimeRange): FindOptionsWhere<PreventionActionEntity> {
    const scope = target.kind === 'subtree' ? { orgPath: Like(`${target.pathPrefix}%`) } : { officerId: target.officerId };
    return range ? { ...scope, actedAt: And(MoreThanOrEqual(range.from), LessThan(range.to)) } : scope;
  }

  async insert(action: Omit<PreventionActionEntity, 'id'>): Promise<PreventionActionEntity> {
    return this.repo.save(this.repo.create(action));
  }

  /** Actions done in the period: their ids and times. */
  async doneIn(target: FigureTarget, range: TimeRange): Promise<{ id: number; at: Date }[]> {
    const rows = await this.repo.find({ select: { id: true, actedAt: true }, where: this.where(target, range) });
    return rows.map((r) => ({ id: r.id, at: r.actedAt }));
  }

  async byIds(ids: readonly number[]): Promise<PreventionActionEntity[]> {
    return ids.length ? this.repo.find({ where: { id: In([...ids]) } }) : [];
  }

  /** A page of the target's actions, the latest done first. */
  async page(target: FigureTarget, page: number, pageSize: number): Promise<{ rows: PreventionActionEntity[]; total: number }> {
    const [rows, total] = await this.repo.findAndCount({
      where: this.where(target), order: { actedAt: 'DESC', id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize,
    });
    return { rows, total };
  }
}

import { Injectable } from '@nestjs/common';
import { Database } from '../../common/db';
import { OutboxEntity } from './outbox.entity';

/** What the admins' dead-letter list (消息投递) reads of the outbox. */
@Injectable()
export class DeadLettersRepository {
  constructor(private readonly db: Database) {}

  /** The latest dead letters (at most 200), newest first. */
  rows(): Promise<OutboxEntity[]> {
    return this.db.manager.getRepository(OutboxEntity).find({ where: { status: 'dead' }, order: { id: 'DESC' }, take: 200 });
  }
}

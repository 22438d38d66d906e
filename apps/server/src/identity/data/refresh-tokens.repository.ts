import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Database } from '../../common/db';
import { RefreshTokenEntity } from './refresh-token.entity';

/** Every statement on `refresh_tokens`: stored hashed, rotated once, revoked by family or user. */
@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager.getRepository(RefreshTokenEntity);
  }

  async insert(row: Omit<RefreshTokenEntity, 'id'>): Promise<void> {
    await this.repo.insert(row);
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.repo.findOne({ where: { tokenHash } });
  }

  /** Marks the token rotated unless it already was: false when another rotation won. */
  async claimRotation(id: number): Promise<boolean> {
    const result = await this.repo.update({ id, rotatedAt: IsNull() }, { rotatedAt: new Date() });
    return Boolean(result.affected);
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.repo.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllOf(userId: number): Promise<void> {
    await this.repo.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}

import { Role } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A community handed to another officer (民警交接), as the features that follow it see it. */
export interface HandoverChange {
  communityId: number;
  communityName: string;
  fromOfficerId: number | null;
  toOfficerId: number;
  toOfficerName: string;
  by: { userId: number; role: Role; nickname: string };
  reason: string;
  at: Date;
}

export type HandoverHook = (m: EntityManager, change: HandoverChange) => Promise<void>;

/**
 * What else moves with a community when it is handed over, run in the handover's transaction.
 * Features below org cannot be imported by it (cases imports org's face), so they register here:
 * cases moves the community's open cases to the new officer (cases/case-handover.ts).
 * In OrgUnitsModule, which imports no feature module, so any feature may import it.
 */
@Injectable()
export class HandoverHooks {
  private readonly hooks: HandoverHook[] = [];

  register(hook: HandoverHook): void {
    this.hooks.push(hook);
  }

  async run(m: EntityManager, change: HandoverChange): Promise<void> {
    for (const hook of this.hooks) await hook(m, change);
  }
}

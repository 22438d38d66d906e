import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ensurePartner } from './data/open311.repository';

/** The demo partner's api_key (documented in docs/open311.md; never in production). */
export const DEMO_OPEN311_KEY = 'demo-open311-key';
export const DEMO_OPEN311_PARTNER = '12345政务服务便民热线（演示）';

/** Partner keys are stored as their SHA-256 only. */
export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * Adds the demo partner (default community 胜利社区) unless it is there: called inside the demo
 * seed and again at every demo start, so databases seeded before Open311 existed get it too.
 */
export function ensureDemoPartner(m: EntityManager): Promise<boolean> {
  return ensurePartner(m, { name: DEMO_OPEN311_PARTNER, keyHash: hashApiKey(DEMO_OPEN311_KEY), communityName: '胜利社区' });
}

import { OrgLevel } from '@jws/contracts';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { Open311PartnerEntity } from './data/open311-partner.entity';

/** The demo partner's api_key (documented in docs/open311.md; never in production). */
export const DEMO_OPEN311_KEY = 'demo-open311-key';
export const DEMO_OPEN311_PARTNER = '12345政务服务便民热线（演示）';

/** Partner keys are stored as their SHA-256 only. */
export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * Adds the demo partner (default community 胜利社区) unless it is there: called inside the demo
 * seed and again at every demo start, so databases seeded before Open311 existed get it too.
 */
export async function ensureDemoPartner(m: EntityManager): Promise<boolean> {
  const partners = m.getRepository(Open311PartnerEntity);
  const keyHash = hashApiKey(DEMO_OPEN311_KEY);
  if (await partners.exists({ where: { keyHash } })) return false;
  const community = await m.getRepository(OrgUnitEntity).findOne({ where: { name: '胜利社区', level: OrgLevel.Community } });
  if (!community) return false;
  await partners.insert({ name: DEMO_OPEN311_PARTNER, keyHash, communityId: community.id, createdAt: new Date() });
  return true;
}

import type { ServiceMatter } from './types';
import { MATTERS_HOUSEHOLD } from './household';
import { MATTERS_DOCUMENTS } from './documents';
import { MATTERS_TRAFFIC_AND_ORDER } from './traffic-and-order';
import { MATTERS_DISPUTES } from './disputes';
import { MATTERS_LIVELIHOOD } from './livelihood';

/**
 * The seeded catalogue (44 common matters). The server copies it into versioned rows on first
 * start and a migration brings the seeded rows of older databases up to it as new versions; admins
 * edit those rows in 工作台, this list stays the starting point.
 */
export const SERVICE_CATALOGUE: readonly ServiceMatter[] = [
  ...MATTERS_HOUSEHOLD,
  ...MATTERS_DOCUMENTS,
  ...MATTERS_TRAFFIC_AND_ORDER,
  ...MATTERS_DISPUTES,
  ...MATTERS_LIVELIHOOD,
];

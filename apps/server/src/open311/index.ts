/**
 * The open311 feature's face: what other features may import from open311 (docs/architecture.md).
 * Its data (entities, repositories: open311/data/) stays inside.
 */
export { Open311Module } from './open311.module';
export { DEMO_OPEN311_KEY, DEMO_OPEN311_PARTNER, ensureDemoPartner } from './open311-demo';

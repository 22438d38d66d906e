/**
 * The org feature's face (docs/architecture.md): what other features may import from org.
 * GroupsApi was added for the bulletins feature; the rest of org moves behind this face in #20.
 */
export { GroupsApi } from './groups-api';
export type { GroupPlace } from './groups-api';
export { OrgModule } from './org.module';
export type { Scope } from './scope';

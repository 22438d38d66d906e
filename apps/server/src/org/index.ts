/**
 * The org feature's face: what other features may import from org (docs/architecture.md).
 * Its data (entities, repositories: org/data/) stays inside.
 */
export { OrgModule } from './org.module';
export { CommunitiesService } from './communities.service';
export { OrgUnits } from './org-units';
export { OrgUnitsModule } from './org-units.module';
/** What moves with a community on 民警交接 (cases registers the move of open cases; module: OrgUnitsModule). */
export { HandoverHooks, type HandoverChange } from './handover-hooks';
/** Groups with their place, a person's groups and unit paths, for the bulletins feature (module: OrgUnitsModule). */
export { GroupsApi } from './groups-api';
export type { GroupPlace } from './groups-api';
export { leadersOf } from './data/leaders';
export { pathIds } from './scope';
export type { OrgUnitEntity } from './data/org-unit.entity';
export type { CommunityRow } from './data/communities.repository';
export { OrgFiguresRepository, type FigureUnit } from './data/org-figures.repository';

/**
 * The cases feature's face: what other features may import from cases (docs/architecture.md).
 * Its data (entities, repositories: cases/data/) stays inside.
 */
export { CasesApi } from './cases-api';
export { CasesModule } from './cases.module';
export type { TimelineActor, TimelineEntry } from './case-timeline';
export type { CaseTimeline } from './case-timeline';
export type { CaseEntity } from './data/case.entity';
export type { Actor } from './case-workflow.service';
export type { DigestCaseRow, DigestGroupRow, OpenCasePlace } from './data/case-digest.repository';
export type { NamedCase, PublicCaseFilter } from './data/public-cases.repository';
export type { CaseFigureRow, CaseMoment, CaseRateCounts } from './data/case-figures.repository';
export { reporterKeyOf } from './data/cases.repository';

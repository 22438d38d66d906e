/**
 * The org feature's face: what other features may import from org (docs/architecture.md).
 */
export { OrgFiguresRepository, type FigureUnit } from './data/org-figures.repository';
export { OrgModule } from './org.module';

/**
 * The org feature's face: what other features may import from org (docs/architecture.md).
 * (The smallest face, for the dead-letter list's community names; org's own split, issue #20, adds to it.)
 */
export { OrgModule } from './org.module';
export { OrgUnitNames } from './data/org-unit-names.repository';

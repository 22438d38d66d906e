/**
 * The mediation feature's face: what other features may import from mediation (docs/architecture.md).
 */
export { MediationFiguresRepository } from './data/mediation-figures.repository';
export { MediationModule } from './mediation.module';

/**
 * The service guide's face: what other features may import from it (docs/architecture.md).
 */
export { AssistFiguresRepository } from './data/assist-figures.repository';
export { ServiceGuideModule } from './service-guide.module';

/**
 * The service-guide feature's face: what other features may import from service-guide (docs/architecture.md).
 * Its data (entities, repositories, the catalogue revision: service-guide/data/) stays inside.
 */
export { ServiceGuideModule } from './service-guide.module';
export { ServiceGuideService } from './service-guide.service';
export { AssistFiguresRepository } from './data/assist-figures.repository';

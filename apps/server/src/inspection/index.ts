/**
 * The inspection feature's face (责任追究, docs/accountability.md): what other features may import.
 * Its data (inspection/data/: inquiry.entity.ts, inquiries.repository.ts) stays inside.
 */
export { InspectionModule } from './inspection.module';
export { InspectionService } from './inspection.service';

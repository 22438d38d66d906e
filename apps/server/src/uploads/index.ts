/**
 * The uploads feature's face: what other features may import from uploads (docs/architecture.md).
 * Its data (the upload entity and its repository: uploads/data/) stays inside.
 */
export { UploadsModule } from './uploads.module';
export { UploadsService, uploadUrl } from './uploads.service';
export type { CasePhoto, StoredImage } from './uploads.service';

import { ErrorCode, ImageType, MAX_CASE_PHOTOS, UploadView } from '@jws/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Access } from '../access/access';
import type { Caller } from '../common/request-context';
import type { UploadEntity } from './data/upload.entity';
import { UploadsRepository } from './data/uploads.repository';
import { DomainException } from '../common/domain.exception';
import { DISOWNED_UPLOAD_OWNER } from '../personal-data/sealed-links';
import { IMAGE_EXTENSIONS, sanitizeImage } from './image-sanitizer';
import { FILE_STORAGE, FileStorage, StoredFileMissing } from './storage';

/** A stored image, for callers that already decided the reader may see it. */
export interface StoredImage {
  buffer: Buffer;
  contentType: string;
}

/** A photo attached to a case; the cases module builds its URL (it serves it after its own access check). */
export interface CasePhoto {
  id: string;
  contentType: string;
  bytes: number;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const uploadUrl = (id: string) => `/api/uploads/${id}`;

/**
 * Photos users upload before submitting a case or a follow-up. An upload belongs to its owner
 * until a case claims it; only the owner can see an unclaimed upload.
 */
@Injectable()
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);

  constructor(
    private readonly uploads: UploadsRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly access: Access,
  ) {}

  /** Checks, cleans (no EXIF/GPS) and stores an image; the declared type and name are ignored. */
  async accept(ownerId: number, input: Buffer): Promise<UploadView> {
    const image = await sanitizeImage(input);
    const now = new Date();
    const id = randomUUID();
    const storageKey = storageKeyOf(id, image.type, now);
    await this.storage.put(storageKey, image.buffer, image.contentType);
    try {
      await this.uploads.insert({
        id, ownerId, caseId: null, roomId: null, bulletinId: null, storageKey, contentType: image.contentType, bytes: image.buffer.length, createdAt: now,
      });
    } catch (error) {
      await this.storage.delete(storageKey).catch(() => undefined);
      throw error;
    }
    return { id, url: uploadUrl(id), bytes: image.buffer.length, contentType: image.contentType };
  }

  /** The owner's own upload (preview). Anyone else gets NOT_FOUND on record, as for an id that does not exist. */
  async readOwn(caller: Caller, id: string): Promise<StoredImage> {
    const upload = UUID_PATTERN.test(id) ? await this.uploads.find(id) : null;
    const own = await this.access.require(caller, { type: 'upload', id }, upload,
      (u) => ({ place: 'unplaced', relations: u.ownerId === caller.user.id ? ['owner'] : [] }), [{ relation: 'owner' }]);
    return this.load(own);
  }

  /** Any upload by id, for callers that did their own access check (e.g. a case's photos). */
  async read(id: string): Promise<StoredImage> {
    const upload = UUID_PATTERN.test(id) ? await this.uploads.find(id) : null;
    if (!upload) throw new DomainException(ErrorCode.NotFound);
    return this.load(upload);
  }

  /**
   * Attaches the owner's unclaimed uploads to a case, inside the caller's transaction. Every id
   * must be the owner's and not yet used; the conditional UPDATE makes two concurrent claims of
   * the same upload fail for one of them. Returns the photos in the order of `ids`.
   */
  async claimForCase(
    manager: EntityManager, ownerId: number, ids: string[], caseId: number, opts: { disown?: boolean } = {},
  ): Promise<CasePhoto[]> {
    if (ids.length > MAX_CASE_PHOTOS) {
      throw new DomainException(ErrorCode.ValidationFailed, [`最多上传${MAX_CASE_PHOTOS}张图片`]);
    }
    if (new Set(ids).size !== ids.length) {
      throw new DomainException(ErrorCode.ValidationFailed, ['同一张图片只能添加一次']);
    }
    if (ids.length === 0) return [];
    if (!ids.every((id) => UUID_PATTERN.test(id))) throw new DomainException(ErrorCode.UploadNotFound);

    // `disown` (a sealed case): the claimed photo keeps no owner, which would name the informant.
    const claimed = await this.uploads.claimForCase(manager, ownerId, ids, caseId, opts.disown ? DISOWNED_UPLOAD_OWNER : null);
    if (claimed !== ids.length) throw new DomainException(ErrorCode.UploadNotFound);
    const rows = await this.uploads.findMany(manager, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => toCasePhoto(byId.get(id)!));
  }

  /** Attaches one of the owner's unused uploads to a room's image message, in the caller's transaction. */
  async claimForRoom(manager: EntityManager, ownerId: number, id: string, roomId: number): Promise<void> {
    if (!UUID_PATTERN.test(id)) throw new DomainException(ErrorCode.UploadNotFound);
    if (!(await this.uploads.claimForRoom(manager, ownerId, id, roomId))) throw new DomainException(ErrorCode.UploadNotFound);
  }

  /**
   * A bulletin's images, in the caller's transaction: each of `ids` must be the author's own upload,
   * unused or already this bulletin's (an edit keeps earlier images); otherwise UPLOAD_NOT_FOUND
   * and the caller's transaction writes nothing. Claimed images are kept from the unclaimed purge.
   */
  async claimForBulletin(manager: EntityManager, ownerId: number, ids: string[], bulletinId: number): Promise<void> {
    if (new Set(ids).size !== ids.length) throw new DomainException(ErrorCode.ValidationFailed, ['同一张图片只能添加一次']);
    if (ids.length === 0) return;
    if (!ids.every((id) => UUID_PATTERN.test(id))) throw new DomainException(ErrorCode.UploadNotFound);
    if ((await this.uploads.claimForBulletin(manager, ownerId, ids, bulletinId)) !== ids.length) throw new DomainException(ErrorCode.UploadNotFound);
  }

  /** One image of a bulletin, for callers that checked access to the bulletin; NOT_FOUND when it is not that bulletin's. */
  async readBulletinImage(bulletinId: number, id: string): Promise<StoredImage> {
    const upload = UUID_PATTERN.test(id) ? await this.uploads.ofBulletin(id, bulletinId) : null;
    if (!upload) throw new DomainException(ErrorCode.NotFound);
    return this.load(upload);
  }

  /** The ids of a case's photos, oldest first (in `manager`'s transaction when given). */
  async photoIdsOf(caseId: number, manager?: EntityManager): Promise<string[]> {
    const rows = await this.uploads.ofCase(caseId, manager, true);
    return rows.map((r) => r.id);
  }

  /** One photo of a case, for callers that checked access to the case; NOT_FOUND when it is not that case's. */
  async readCasePhoto(caseId: number, photoId: string): Promise<StoredImage> {
    const upload = UUID_PATTERN.test(photoId) ? await this.uploads.find(photoId, caseId) : null;
    if (!upload) throw new DomainException(ErrorCode.NotFound);
    return this.load(upload);
  }

  /** The photos of a case, oldest first. */
  async photosOf(caseId: number): Promise<CasePhoto[]> {
    const rows = await this.uploads.ofCase(caseId);
    return rows.map(toCasePhoto);
  }

  /**
   * Removes uploads no case claimed that are older than `before` (abandoned drafts), files first.
   * Returns how many were removed.
   */
  async purgeUnclaimed(before: Date, batch = 500): Promise<number> {
    const stale = await this.uploads.unclaimedBefore(before, batch);
    let removed = 0;
    for (const upload of stale) {
      // Claimed meanwhile? Then the row stays and so does the file.
      if (!(await this.uploads.deleteUnclaimed(upload.id))) continue;
      await this.storage.delete(upload.storageKey);
      removed += 1;
    }
    return removed;
  }

  private async load(upload: UploadEntity): Promise<StoredImage> {
    try {
      return { buffer: await this.storage.get(upload.storageKey), contentType: upload.contentType };
    } catch (error) {
      if (!(error instanceof StoredFileMissing)) throw error;
      this.logger.error({ uploadId: upload.id, storageKey: upload.storageKey }, 'upload row without stored file');
      throw new DomainException(ErrorCode.NotFound);
    }
  }
}

function toCasePhoto(upload: UploadEntity): CasePhoto {
  return { id: upload.id, contentType: upload.contentType, bytes: upload.bytes };
}

/** `2025/11/<uuid>.jpg`: one folder per month keeps folders small. */
function storageKeyOf(id: string, type: ImageType, at: Date): string {
  const month = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `${at.getUTCFullYear()}/${month}/${id}.${IMAGE_EXTENSIONS[type]}`;
}

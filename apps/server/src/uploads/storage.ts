import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Where uploaded bytes live. Local disk today; an object store can be provided under the same token. */
export interface FileStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Rejects with StoredFileMissing when nothing is stored under `key`. */
  get(key: string): Promise<Buffer>;
  /** Removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

export class StoredFileMissing extends Error {
  constructor(readonly key: string) {
    super(`no stored file under ${key}`);
  }
}

/** Keys are `/`-separated segments of letters, digits, `-` and `_`, the last with one extension: no `..`, no absolute paths. */
const KEY_PATTERN = /^(?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+(?:\.[A-Za-z0-9]+)?$/;
export const MAX_STORAGE_KEY_LENGTH = 128;

export function assertValidKey(key: string): void {
  if (key.length > MAX_STORAGE_KEY_LENGTH || !KEY_PATTERN.test(key)) {
    throw new Error(`invalid storage key: ${JSON.stringify(key.slice(0, MAX_STORAGE_KEY_LENGTH))}`);
  }
}

/** Files under `${DATA_DIR}/uploads`, written atomically (temporary file, then rename). */
@Injectable()
export class LocalDiskStorage implements FileStorage {
  readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.dataDir, 'uploads');
  }

  async put(key: string, data: Buffer, _contentType: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, data, { mode: 0o640, flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredFileMissing(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** The file of a key; refuses any key that could leave the uploads folder. */
  pathOf(key: string): string {
    assertValidKey(key);
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + sep)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
    return path;
  }
}

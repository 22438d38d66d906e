import { SERVICE_CATALOGUE, ServiceMatter } from '@jws/contracts';
import { EntityManager } from 'typeorm';
import { ServiceMatterEntity } from './service-matter.entity';

/** A matter's stored content: the catalogue entry without its code (the row has the code). */
export function contentOf(m: ServiceMatter): Omit<ServiceMatter, 'code'> {
  const { code: _code, ...rest } = m;
  return rest;
}

/**
 * Brings the seeded matters of a database up to the catalogue in @jws/contracts, the way an edit
 * does: a new current version, the old one kept on record. Only matters whose current version is
 * still the seeded wording (no admin wrote it) are touched; an admin's own wording stays theirs.
 * Returns the codes that got a new version.
 */
export async function reviseSeededMatters(m: EntityManager, now = new Date()): Promise<string[]> {
  const repo = m.getRepository(ServiceMatterEntity);
  const current = new Map((await repo.find({ where: { isCurrent: true } })).map((r) => [r.code, r]));
  const revised: string[] = [];
  for (const matter of SERVICE_CATALOGUE) {
    const row = current.get(matter.code);
    const content = JSON.stringify(contentOf(matter));
    if (!row || row.editedBy !== null || row.content === content) continue;
    await repo.update({ id: row.id }, { isCurrent: false });
    await repo.insert({ code: matter.code, version: row.version + 1, title: matter.title, content, isCurrent: true, editedBy: null, createdAt: now });
    revised.push(matter.code);
  }
  return revised;
}

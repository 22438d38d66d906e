// The data seam (docs/architecture.md): only a feature's `data/` part talks to the database.
// Fails when a server source file outside `*/data/`, `database/` (with its migrations) and `bench/`
// (and `common/db/`, the unit of work) uses TypeORM's data access (getRepository(, createQueryBuilder(, InjectDataSource,
// InjectRepository) or carries SQL text. Unit tests (*.spec.ts) are not checked.
//
// TEMPORARY: data-seam-allowlist.txt lists the files that still violate while the features move
// behind their seams (issue #20). It may only shrink: a listed file that no longer violates fails
// the check too, so whoever fixes a file also removes its line. The list ends empty.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const allowlistPath = join(root, 'data-seam-allowlist.txt');

const RULES = [
  { name: 'getRepository(', re: /\bgetRepository\s*\(/ },
  { name: 'createQueryBuilder(', re: /\bcreateQueryBuilder\s*\(/ },
  { name: 'InjectDataSource', re: /\bInjectDataSource\b/ },
  { name: 'InjectRepository', re: /\bInjectRepository\b/ },
  // SQL text: a statement's opening words, as written in the code (upper case).
  { name: 'SQL text', re: /\b(SELECT\b[\s\S]{0,200}?\bFROM|INSERT\s+(IGNORE\s+)?INTO|UPDATE\s+`?\w+`?\s+(\w+\s+)?SET|DELETE\s+FROM|ON\s+DUPLICATE\s+KEY|START\s+TRANSACTION)\b/ },
];

const exempt = (path) =>
  path.split('/').includes('data') || path.startsWith('common/db/') || path.startsWith('database/') || path.startsWith('bench/') || /\.spec\.ts$/.test(path);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

const allowed = new Set(
  existsSync(allowlistPath)
    ? readFileSync(allowlistPath, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
    : [],
);

const problems = [];
const violating = new Set();
for (const file of files(src)) {
  const path = relative(src, file).split(sep).join('/');
  if (exempt(path)) continue;
  const text = readFileSync(file, 'utf8');
  const found = RULES.filter((r) => r.re.test(text)).map((r) => r.name);
  if (!found.length) continue;
  violating.add(path);
  if (!allowed.has(path)) problems.push(`src/${path}: ${found.join(', ')} outside a data/ part (move the statement into the feature's data/ and call it through the feature's index.ts)`);
}
for (const path of allowed) {
  if (!violating.has(path)) problems.push(`data-seam-allowlist.txt: ${path} no longer violates (or is gone): remove its line`);
}
if (problems.length) {
  console.error(`data seam check failed (docs/architecture.md):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`data seam check: ok (${allowed.size} file(s) still on the temporary allowlist)`);

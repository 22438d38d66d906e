// The data seam (docs/architecture.md): only a feature's `data/` part talks to the database.
// Fails when a server source file outside `*/data/`, `database/` (with its migrations) and `bench/`
// (and `common/db/`, the unit of work) uses TypeORM's data access (getRepository(, createQueryBuilder(, InjectDataSource,
// InjectRepository) or carries SQL text. Unit tests (*.spec.ts) are not checked.
//
// Inside `*/data/`, a feature writes only its own tables: an INSERT, UPDATE, DELETE or REPLACE on a
// table whose entity lives in another feature's data/ fails (the table → feature map is read from the
// `@Entity('table')` decorators). Read-only joins across features are allowed on hot paths (the case
// page, the queue) and are listed by the check. The demo's seed (`demo/data/`) owns no tables and is
// exempt: it fills the demo city's accounts and org units before any face exists for them.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

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

const problems = [];
for (const file of files(src)) {
  const path = relative(src, file).split(sep).join('/');
  if (exempt(path)) continue;
  const text = readFileSync(file, 'utf8');
  const found = RULES.filter((r) => r.re.test(text)).map((r) => r.name);
  if (!found.length) continue;
  problems.push(`src/${path}: ${found.join(', ')} outside a data/ part (move the statement into the feature's data/ and call it through the feature's index.ts)`);
}
// Which feature owns which table, from the entity decorators in each feature's data/.
const owner = new Map();
for (const file of files(src)) {
  const path = relative(src, file).split(sep).join('/');
  if (!path.includes('/data/')) continue;
  for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\(\s*['"]([a-z0-9_]+)['"]/g)) owner.set(m[1], path.split('/')[0]);
}
const crossReads = [];
for (const file of files(src)) {
  const path = relative(src, file).split(sep).join('/');
  const feature = path.split('/')[0];
  if (!path.includes('/data/') || feature === 'demo' || /\.spec\.ts$/.test(path)) continue;
  const text = readFileSync(file, 'utf8');
  let reads = false;
  for (const [table, tableOwner] of owner) {
    if (tableOwner === feature) continue;
    const t = `\`?${table}\`?\\b`;
    if (new RegExp(`\\b(INSERT\\s+(IGNORE\\s+)?INTO|REPLACE\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+${t}`).test(text) || new RegExp(`getRepository\\(\\s*['"]${table}['"]`).test(text)) {
      problems.push(`src/${path}: writes ${table}, a table of the ${tableOwner} feature (call ${tableOwner}/index.ts instead)`);
    } else if (new RegExp(`\\b(FROM|JOIN)\\s+${t}`).test(text)) reads = true;
  }
  if (reads) crossReads.push(path);
}
if (problems.length) {
  console.error(`data seam check failed (docs/architecture.md):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`data seam check: ok (${crossReads.length} read-only cross-feature statement file(s): ${crossReads.join(', ') || 'none'})`);

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Past this a file holds more than one part: split it by job into a folder of parts, re-exported
 * from the old path (the same rule as apps/miniprogram/src/file-length.spec.ts).
 */
const MAX_LINES = 300;
/** Generated files say so in their first lines and are exempt. */
const GENERATED = /generated\b.*do not edit/i;

const ROOT = join(__dirname, '..', '..', '..');

/** The source folders this test covers: every package's src/ and the server's src/. */
function sourceRoots(): string[] {
  const packages = readdirSync(join(ROOT, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(ROOT, 'packages', entry.name, 'src'));
  return [...packages, join(ROOT, 'apps', 'server', 'src')].filter((dir) => existsSync(dir));
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('package and server sources', () => {
  it('covers the contracts, the wechat package and the server', () => {
    const files = sourceRoots().flatMap((dir) => [...sourceFiles(dir)].map((path) => relative(ROOT, path)));
    expect(files).toEqual(expect.arrayContaining(['packages/contracts/src/index.ts', 'packages/wechat/src/index.ts', 'apps/server/src/main.ts']));
  });

  it(`keeps every hand-written .ts file in packages/*/src and apps/server/src at ${MAX_LINES} lines or fewer`, () => {
    const tooLong = sourceRoots()
      .flatMap((dir) => [...sourceFiles(dir)])
      .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
      .filter(({ text }) => !GENERATED.test(text.split('\n', 5).join('\n')))
      .map(({ path, text }) => ({ file: relative(ROOT, path), lines: lineCount(text) }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(tooLong).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** Past this a file holds more than one part: split it into a folder of parts (README.md, "Structure"). */
const MAX_LINES = 300
/** Generated files say so in their first lines and are exempt. */
const GENERATED = /generated\b.*do not edit/i

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* sourceFiles(path)
    else if (/\.(ts|tsx|scss)$/.test(entry.name)) yield path
  }
}

describe('mini program sources', () => {
  it(`keeps every hand-written file in src/ at ${MAX_LINES} lines or fewer`, () => {
    const src = __dirname
    const tooLong = [...sourceFiles(src)]
      .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
      .filter(({ text }) => !GENERATED.test(text.split('\n', 5).join('\n')))
      .map(({ path, text }) => ({ file: relative(src, path), lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) }))
      .filter(({ lines }) => lines > MAX_LINES)
    expect(tooLong).toEqual([])
  })
})

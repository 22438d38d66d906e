#!/usr/bin/env node
// Package-size budget of the weapp build (run after `pnpm build:weapp`).
// WeChat refuses to upload a main package or subpackage over 2 MB; we keep the main
// package well under that so start-up stays fast and later features have room.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const KiB = 1024
const BUDGET = { main: 1200 * KiB, subpackage: 2048 * KiB, total: 4096 * KiB }
// Files WeChat DevTools reads but does not upload as part of any package.
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json'])

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const distDir = join(appDir, 'dist', 'weapp')
const appJsonPath = join(distDir, 'app.json')

if (!existsSync(appJsonPath)) {
  console.error(`No weapp build at ${relative(process.cwd(), distDir) || '.'}: run \`pnpm build:weapp\` first.`)
  process.exit(2)
}

const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'))
const roots = [...(appJson.subPackages ?? appJson.subpackages ?? [])]
  .map((p) => String(p.root).replace(/^\/+|\/+$/g, ''))
  .filter(Boolean)

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else if (entry.isFile()) yield path
  }
}

const sizes = { main: 0, ...Object.fromEntries(roots.map((r) => [r, 0])) }
const sourceMaps = []
for (const path of files(distDir)) {
  const rel = relative(distDir, path).split(sep).join('/')
  if (NOT_UPLOADED.has(rel)) continue
  if (rel.endsWith('.map')) sourceMaps.push(rel)
  const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`))
  sizes[root ?? 'main'] += statSync(path).size
}
const total = Object.values(sizes).reduce((a, b) => a + b, 0)

const rows = [
  { name: 'main package', size: sizes.main, budget: BUDGET.main },
  ...roots.map((r) => ({ name: `subpackage ${r}/`, size: sizes[r], budget: BUDGET.subpackage })),
  { name: 'total', size: total, budget: BUDGET.total },
]
const kib = (n) => `${(n / KiB).toFixed(1)} KiB`
const width = Math.max(...rows.map((r) => r.name.length))
console.log(`${'package'.padEnd(width)}  ${'size'.padStart(12)}  ${'budget'.padStart(12)}  used`)
for (const r of rows) {
  const flag = r.size > r.budget ? '  OVER BUDGET' : ''
  console.log(`${r.name.padEnd(width)}  ${kib(r.size).padStart(12)}  ${kib(r.budget).padStart(12)}  ${((r.size / r.budget) * 100).toFixed(0).padStart(3)}%${flag}`)
}
if (sourceMaps.length) console.log(`note: ${sourceMaps.length} source map(s) counted; production builds should have none.`)

const over = rows.filter((r) => r.size > r.budget)
if (over.length) {
  console.error(`Package budget exceeded: ${over.map((r) => r.name).join(', ')}`)
  process.exit(1)
}
console.log('Package budget: ok')

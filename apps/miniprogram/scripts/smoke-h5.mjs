#!/usr/bin/env node
// Smoke check of the h5 build as the server serves it: loads the app in headless Chromium,
// signs in with a demo account and opens each tab, failing on page errors or console errors.
// Needs the server running in demo mode with dist/h5 built:
//   BASE_URL=http://localhost:3000 pnpm --filter @jws/miniprogram smoke:h5
import { chromium } from 'playwright-core'

const BASE_URL = (process.env.BASE_URL || 'http://localhost:3000').replace(/\/+$/, '')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const USERNAME = process.env.DEMO_USER || 'resident1'

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const problems = []
try {
  const page = await browser.newPage({ viewport: { width: 320, height: 640 } })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
  })

  await page.goto(`${BASE_URL}/`)
  await page.waitForURL(/\/pages\/login\/index/, { timeout: 15000 })
  await page.click(`#demo-user-${USERNAME}`, { timeout: 15000 })
  await page.waitForURL(/\/pages\/home\/index/, { timeout: 15000 })
  await page.waitForSelector('#officer-card, #join-prompt, #join-pending, #staff-card', { timeout: 15000 })
  for (const tab of ['report', 'mine', 'home']) {
    await page.click(`#tab-${tab}`)
    await page.waitForURL(new RegExp(`/pages/${tab}/index`), { timeout: 15000 })
  }
  // A deep link must work when the server falls back to index.html.
  await page.goto(`${BASE_URL}/pages/join/index?code=ABC123`)
  await page.waitForSelector('#join-code-input', { timeout: 15000 })
} catch (e) {
  problems.push(`flow failed: ${e.message.split('\n')[0]}`)
} finally {
  await browser.close()
}

if (problems.length) {
  console.error(problems.join('\n'))
  console.log('0 passed, 1 failed')
  process.exit(1)
}
console.log(`h5 smoke against ${BASE_URL}: ok`)
console.log('1 passed, 0 failed')

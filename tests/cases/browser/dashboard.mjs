// Drives the dashboard in a real headless Chromium: log in, see the list, open a case, change its
// status. Screenshots go to ARTIFACTS. Prints one JSON line with what it saw; exits 1 on failure.
//   node dashboard.mjs BASE_URL API_KEY CASE_ID ARTIFACTS
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// playwright-core from PLAYWRIGHT_DIR's node_modules (this folder's, or the extension's).
const require = createRequire(path.join(process.env.PLAYWRIGHT_DIR || import.meta.dirname, 'package.json'));
const { chromium } = require('playwright-core');

const [base, apiKey, caseId, artifacts] = process.argv.slice(2);
const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium']
  .find((p) => fs.existsSync(p));
fs.mkdirSync(artifacts, { recursive: true });
const shot = (page, name) => page.screenshot({ path: path.join(artifacts, name), fullPage: true });

const browser = await chromium.launch({
  executablePath, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run', '--disable-quic'],
});
const seen = {};
let failed = null;
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });

  await page.goto(`${base}/`);
  seen.loginUrl = new URL(page.url()).pathname;
  await shot(page, 'dashboard-1-login.png');

  await page.fill('#api_key', apiKey);
  await Promise.all([page.waitForURL(`${base}/`), page.click('form.login button[type=submit]')]);
  await page.waitForSelector('table.cases');
  seen.rows = await page.locator('table.cases tbody tr').count();
  seen.listText = await page.locator('table.cases').innerText();
  seen.cookie = (await context.cookies()).find((c) => c.name === 'piiscore_session');
  await shot(page, 'dashboard-2-list.png');

  await Promise.all([page.waitForURL(`${base}/cases/${caseId}`), page.click(`a[href="/cases/${caseId}"]`)]);
  seen.title = await page.locator('h1').innerText();
  await shot(page, 'dashboard-3-case.png');

  await page.selectOption('select[name=status]', 'reported');
  await page.fill('textarea[name=note]', 'DSA notice sent through the platform form');
  await Promise.all([
    page.waitForSelector('p.flash'),
    page.click('form.status-form button[type=submit]'),
  ]);
  seen.flash = await page.locator('p.flash').innerText();
  seen.history = await page.locator('table.history').innerText();
  seen.statusBadge = await page.locator('h1 .status').innerText();
  await shot(page, 'dashboard-4-status-changed.png');

  await Promise.all([page.waitForURL(/\/login/), page.click('form.logout button')]);
  seen.afterLogout = new URL(page.url()).pathname;
  seen.consoleErrors = consoleErrors;
} catch (err) {
  failed = String(err && err.stack || err);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ ok: !failed, error: failed, seen }) + '\n');
process.exit(failed ? 1 : 0);

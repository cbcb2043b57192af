// Shared set-up for the end-to-end tests: the real piiscore server (python -m server) with a
// temporary data dir and a key made by the test, fixture X/Facebook pages over HTTPS on loopback
// (the browser resolves x.com and www.facebook.com to 127.0.0.1 and nothing else), and Debian's
// Chromium with the unpacked extension.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import https from 'node:https';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const EXT = path.resolve(HERE, '../..');
export const REPO = path.resolve(EXT, '..');
export const ARTIFACTS = path.join(REPO, 'artifacts', 'extension');
export const EXT_ID = 'oenimiiaogdbachinfbjobfomchobjgc';
export const EXT_ORIGIN = `chrome-extension://${EXT_ID}`;
const PYTHON = process.env.PYTHON ?? 'python3';

// CHROMIUM_PATH, when set, is the only candidate (so a wrong path fails instead of falling back).
const CHROMIUM_CANDIDATES = process.env.CHROMIUM_PATH
  ? [process.env.CHROMIUM_PATH] : ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
export const CHROMIUM = CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p)) ?? null;

/**
 * Options for node:test: skip when Chromium is missing on a developer machine, but in CI
 * (CI=true) run anyway so the missing browser fails the suite instead of hiding it.
 */
export function browserTestOptions() {
  if (CHROMIUM) return {};
  if (process.env.CI === 'true' || process.env.PIISCORE_REQUIRE_BROWSER === '1') return {};
  return { skip: 'Chromium not found (apt-get install -y chromium); CI=true makes this a failure' };
}

export function requireChromium() {
  if (!CHROMIUM) {
    throw new Error(`Chromium not found at ${CHROMIUM_CANDIDATES.join(' or ')}: apt-get install -y chromium`);
  }
}

export async function loadPlaywright() {
  try {
    return (await import('playwright-core')).chromium;
  } catch {
    throw new Error('playwright-core is not installed: run npm ci in extension/');
  }
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

function runPython(args, env) {
  return execFileSync(PYTHON, args, { cwd: REPO, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Start the real server. Returns {url, port, key, dataDir, stop(), stderr()}.
 * `env`: extra PIISCORE_* settings (rate limit, text limit for the error tests).
 */
export async function startPiiscoreServer({ env: extra = {}, cors = EXT_ORIGIN } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscore-e2e-data-'));
  const env = {
    ...process.env, PIISCORE_DATA_DIR: dataDir, PIISCORE_CORS_ORIGINS: cors, PYTHONUNBUFFERED: '1', ...extra,
  };
  const key = runPython(['-m', 'server', 'keys', 'add', 'e2e-moderator'], env).trim().split('\n').pop().trim();
  const child = spawn(PYTHON, ['-m', 'server', '--port', '0'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${stderr.slice(-2000)}`)), 90000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\s*\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${stderr.slice(-2000)}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    key,
    dataDir,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A TLS certificate for the fixture hosts, made with openssl in a temp dir. */
function makeCertificate(dir) {
  const keyPath = path.join(dir, 'key.pem');
  const certPath = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath,
    '-days', '2', '-subj', '/CN=x.com', '-addext', 'subjectAltName=DNS:x.com,DNS:www.facebook.com'],
  { stdio: 'ignore' });
  return { key: fs.readFileSync(keyPath), cert: fs.readFileSync(certPath) };
}

/**
 * Serve tests/e2e/fixtures over HTTPS on 127.0.0.1. Page paths map to files by host:
 * x.com/* -> x-*.html, www.facebook.com/* -> facebook-*.html (see FIXTURE_ROUTES).
 */
const FIXTURE_ROUTES = {
  'x.com': { '/home': 'x-timeline.html', '/JansenR_84/status/1790000000000000001': 'x-timeline.html' },
  'www.facebook.com': { '/': 'facebook-feed.html' },
};

export async function startFixtureServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscore-e2e-tls-'));
  const server = https.createServer(makeCertificate(dir), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const pathname = new URL(req.url, 'https://x').pathname;
    const file = FIXTURE_ROUTES[host]?.[pathname];
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(fs.readFileSync(path.join(HERE, 'fixtures', file)));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    port,
    xUrl: `https://x.com:${port}/home`,
    facebookUrl: `https://www.facebook.com:${port}/`,
    async stop() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium with the extension; settings written to chrome.storage.local before any scan.
 * `lang`: the browser's UI language, which the extension's interface follows.
 */
export async function launchExtension({ settings = {}, lang = 'nl' } = {}) {
  requireChromium();
  const chromium = await loadPlaywright();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscore-e2e-profile-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: null, // the real window size, so captureVisibleTab and page screenshots agree
    ignoreHTTPSErrors: true,
    locale: lang === 'nl' ? 'nl-NL' : 'en-GB',
    args: [
      `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-quic', '--ignore-certificate-errors', `--lang=${lang}`, '--window-size=1100,800',
      // Offline: the fixture hosts go to loopback, every other name fails to resolve.
      '--host-resolver-rules=MAP x.com 127.0.0.1, MAP www.facebook.com 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
  const sw = ctx.serviceWorkers()[0] ?? await ctx.waitForEvent('serviceworker');
  const extId = new URL(sw.url()).host;
  // runtime.onInstalled may not have created the menu yet.
  await sw.evaluate(async () => {
    for (let i = 0; i < 50; i += 1) {
      try {
        await chrome.contextMenus.update('scan-selection', {});
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error('context menu item never created');
  });
  if (Object.keys(settings).length) await sw.evaluate((s) => chrome.storage.local.set(s), settings);
  return {
    ctx,
    sw,
    extId,
    async close() {
      await ctx.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Select the text of `selector` in the page, as a moderator dragging over the post would. */
export async function selectText(page, selector) {
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const range = document.createRange();
    range.selectNodeContents(el);
    const s = window.getSelection();
    s.removeAllRanges();
    s.addRange(range);
  }, selector);
}

/**
 * Press the toolbar button for the tab (DevTools Extensions.triggerAction): runs the extension's
 * action.onClicked handler and grants activeTab, as a real click does.
 */
export async function clickToolbarButton(ext, page) {
  // A user clicks the toolbar of the tab in front: activeTab is granted for that tab. (CI once
  // saw the grant miss when another page of an earlier test was still in front.)
  await page.bringToFront();
  await ext.sw.evaluate(async (u) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    if (tab && !tab.active) await chrome.tabs.update(tab.id, { active: true });
  }, page.url());
  const cdp = await ext.ctx.browser().newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const target = targetInfos.find((t) => t.url === page.url());
  if (!target) throw new Error(`no tab target for ${page.url()}`);
  await cdp.send('Extensions.triggerAction', { id: ext.extId, targetId: target.targetId });
  await cdp.detach();
}

/** Choose "Scan for personal data" in the context menu: dispatch the real onClicked listeners. */
export async function chooseContextMenu(ext, page) {
  await ext.sw.evaluate(async (u) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    const [{ result }] = await chrome.scripting.executeScript({
      target: { tabId: tab.id }, func: () => getSelection().toString(),
    });
    chrome.contextMenus.onClicked.dispatch(
      { menuItemId: 'scan-selection', selectionText: result, pageUrl: u, frameId: 0, editable: false }, tab,
    );
  }, page.url());
}

/** Press the keyboard command: dispatch the real commands.onCommand listeners for the tab. */
export async function pressCommand(ext, page) {
  await ext.sw.evaluate(async (u) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    chrome.commands.onCommand.dispatch('scan-selection', tab);
  }, page.url());
}

/**
 * Wait until the stored scan state is final (done with page marks tried, or error) and return it.
 * `notRequestId`: ignore that (earlier) scan, so a stale final state never counts.
 */
export async function waitForScan(ext, { timeout = 30000, notRequestId = null } = {}) {
  return ext.sw.evaluate(async ({ ms, skip }) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const { current } = await chrome.storage.session.get('current');
      if (current && current.requestId !== skip && (current.state === 'error'
          || (current.state === 'done' && current.pageMarks !== undefined))) return current;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('scan did not finish');
  }, { ms: timeout, skip: notRequestId });
}

/** Run `trigger` (toolbar, menu, command) and wait for the scan it started. */
export async function scanWith(ext, trigger, { timeout } = {}) {
  const before = await ext.sw.evaluate(async () => (await chrome.storage.session.get('current')).current?.requestId ?? null);
  await trigger();
  return waitForScan(ext, { timeout, notRequestId: before });
}

export async function clearScanState(ext) {
  await ext.sw.evaluate(() => chrome.storage.session.remove('current'));
}

/**
 * Open the side panel page in its own popup window (headless Chromium shows no side panel UI),
 * so the post's tab stays the visible tab of its window for captureVisibleTab.
 */
export async function openPanelWindow(ext) {
  const pagePromise = ext.ctx.waitForEvent('page', (p) => p.url().includes('/sidepanel/sidepanel.html'));
  await ext.sw.evaluate(async (url) => {
    await chrome.windows.create({ url, type: 'popup', width: 460, height: 1400 });
  }, `chrome-extension://${ext.extId}/sidepanel/sidepanel.html`);
  const panel = await pagePromise;
  await panel.waitForLoadState('domcontentloaded');
  await panel.setViewportSize({ width: 440, height: 1400 });
  return panel;
}

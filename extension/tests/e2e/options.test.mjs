// Options page against the real server, and the server's CORS answer to the extension's origin
// versus a foreign one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import {
  browserTestOptions, requireChromium, startPiiscoreServer, launchExtension, artifact, EXT_ORIGIN,
} from './helpers.mjs';

const opts = browserTestOptions();
let server;
let ext;
let page;

before(async () => {
  if (opts.skip) return;
  requireChromium(); // before starting servers: in CI a missing browser fails at once
  server = await startPiiscoreServer();
  ext = await launchExtension();
  page = await ext.ctx.newPage();
  await page.goto(`chrome-extension://${ext.extId}/options/options.html`);
});

after(async () => {
  await ext?.close();
  await server?.stop();
});

async function stored() {
  return ext.sw.evaluate(() => chrome.storage.local.get(null));
}

async function resultAfter(action) {
  await page.evaluate(() => { document.getElementById('result').textContent = ''; });
  await action();
  await page.waitForFunction(() => {
    const r = document.getElementById('result');
    return r.dataset.kind === 'ok' || r.dataset.kind === 'bad';
  });
  return { kind: await page.getAttribute('#result', 'data-kind'), text: await page.textContent('#result') };
}

test('defaults, then save settings into chrome.storage.local', opts, async () => {
  assert.equal(await page.inputValue('#serverUrl'), 'http://127.0.0.1:8765');
  assert.equal(await page.getAttribute('#apiKey', 'type'), 'password');
  await page.fill('#serverUrl', `${server.url}/`);
  await page.fill('#apiKey', server.key);
  await page.fill('#notifierName', 'M. de Moderator');
  await page.fill('#notifierEmail', 'moderator@jeugdbescherming.example');
  await page.fill('#organisation', 'Jeugdbescherming Voorbeeldstad');
  await page.selectOption('#draftLanguage', 'en');
  const r = await resultAfter(() => page.click('#save'));
  assert.deepEqual(r, { kind: 'ok', text: 'Opgeslagen.' });
  const s = await stored();
  assert.equal(s.serverUrl, server.url, 'trailing slash removed');
  assert.equal(s.apiKey, server.key);
  assert.equal(s.draftLanguage, 'en');
  // Reloading shows the stored values.
  await page.reload();
  await page.waitForFunction(() => document.getElementById('apiKey').value !== '');
  assert.equal(await page.inputValue('#organisation'), 'Jeugdbescherming Voorbeeldstad');
});

test('Test connection: success shows version, server and accepted key', opts, async () => {
  await page.fill('#serverUrl', server.url);
  await page.fill('#apiKey', server.key);
  const r = await resultAfter(() => page.click('#test'));
  assert.equal(r.kind, 'ok');
  assert.ok(r.text.includes('sleutel geaccepteerd'));
  assert.ok(r.text.includes(server.url));
  await page.screenshot({ path: artifact('options-connected.png'), fullPage: true });
});

test('Test connection: wrong key and stopped server give their messages', opts, async () => {
  await page.fill('#apiKey', 'pk_wrong');
  let r = await resultAfter(() => page.click('#test'));
  assert.equal(r.kind, 'bad');
  assert.match(r.text, /401/);

  const probe = net.createServer();
  await new Promise((res) => probe.listen(0, '127.0.0.1', res));
  const { port } = probe.address();
  await new Promise((res) => probe.close(res));
  await page.fill('#serverUrl', `http://127.0.0.1:${port}`);
  r = await resultAfter(() => page.click('#test'));
  assert.equal(r.kind, 'bad');
  assert.ok(r.text.includes(`piiscore-server --port ${port}`));
  await page.screenshot({ path: artifact('options-not-running.png'), fullPage: true });
});

test('invalid server URLs are refused and not saved', opts, async () => {
  const before = (await stored()).serverUrl;
  await page.fill('#serverUrl', 'ftp://127.0.0.1/');
  const r = await resultAfter(() => page.click('#save'));
  assert.equal(r.kind, 'bad');
  assert.match(r.text, /http:\/\//);
  assert.equal((await stored()).serverUrl, before);
});

test('a non-loopback server needs a permission the extension does not have yet', opts, async () => {
  const has = await ext.sw.evaluate(() => chrome.permissions.contains({ origins: ['https://piiscore.example.org/*'] }));
  assert.equal(has, false);
  const declared = await ext.sw.evaluate(() => chrome.runtime.getManifest().optional_host_permissions);
  assert.deepEqual(declared, ['http://*/*', 'https://*/*']);
  const loopback = await ext.sw.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }));
  assert.equal(loopback, true);
});

test('server CORS: the extension origin is granted, a foreign origin gets nothing', opts, async () => {
  // From the extension's own page: the server answers with our origin, so it saw it.
  const fromExtension = await page.evaluate(async ({ url, key }) => {
    const res = await fetch(`${url}/api/scan`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Bel 06-12345678' }),
    });
    return { status: res.status, allow: res.headers.get('Access-Control-Allow-Origin') };
  }, { url: server.url, key: server.key });
  assert.deepEqual(fromExtension, { status: 200, allow: EXT_ORIGIN });

  for (const origin of ['https://evil.example', 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) {
    const preflight = await fetch(`${server.url}/api/scan`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null, origin);
    const post = await fetch(`${server.url}/api/scan`, {
      method: 'POST',
      headers: { Origin: origin, Authorization: `Bearer ${server.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'x' }),
    });
    assert.equal(post.headers.get('access-control-allow-origin'), null, origin);
  }
});

test('the interface follows the browser language: English', opts, async () => {
  const english = await launchExtension({ lang: 'en', settings: { serverUrl: 'http://127.0.0.1:9', apiKey: 'k' } });
  try {
    const p = await english.ctx.newPage();
    await p.goto(`chrome-extension://${english.extId}/options/options.html`);
    assert.equal(await p.textContent('h1'), 'piiscore settings');
    assert.equal(await p.textContent('#test'), 'Test connection');
    await p.goto(`chrome-extension://${english.extId}/sidepanel/sidepanel.html`);
    assert.match(await p.textContent('#status'), /Scan for personal data/);
    const menu = await english.sw.evaluate(() => chrome.i18n.getMessage('menuScan'));
    assert.equal(menu, 'Scan for personal data');
  } finally {
    await english.close();
  }
});

test('saving a non-loopback server asks for its host permission first; nothing is saved without it', opts, async () => {
  // Headless Chromium cannot answer the permission prompt, so the request stays pending: the
  // settings must not change while it is unanswered. (Kept last: the prompt stays open.)
  const before = (await stored()).serverUrl;
  await page.fill('#serverUrl', 'https://piiscore.example.org:8443/');
  await page.fill('#apiKey', server.key);
  await page.click('#save');
  await page.waitForTimeout(1500);
  assert.equal((await stored()).serverUrl, before);
  assert.notEqual(await page.getAttribute('#result', 'data-kind'), 'ok');
  const has = await ext.sw.evaluate(() => chrome.permissions.contains({ origins: ['https://piiscore.example.org/*'] }));
  assert.equal(has, false);
});

// Every error state the moderator can meet, each shown in the panel with what to do about it.
// Real piiscore servers (one normal, one rate-limited, one with a small text limit); the timeout
// test points the extension at a loopback socket that accepts and never answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import {
  browserTestOptions, requireChromium, startPiiscoreServer, startFixtureServer, launchExtension, selectText,
  clickToolbarButton, scanWith, openPanelWindow, artifact, clearScanState, pressCommand,
} from './helpers.mjs';

const opts = browserTestOptions();
let server;
let limited;
let small;
let fixtures;
let ext;
let page;
let panel;

before(async () => {
  if (opts.skip) return;
  requireChromium(); // before starting servers: in CI a missing browser fails at once
  [server, limited, small, fixtures] = await Promise.all([
    startPiiscoreServer(),
    startPiiscoreServer({ env: { PIISCORE_RATE_LIMIT: '2' } }),
    startPiiscoreServer({ env: { PIISCORE_MAX_TEXT_CHARS: '100' } }),
    startFixtureServer(),
  ]);
  ext = await launchExtension({ settings: { serverUrl: server.url, apiKey: server.key } });
  page = await ext.ctx.newPage();
  await page.goto(fixtures.xUrl);
  panel = await openPanelWindow(ext);
  await page.bringToFront();
});

after(async () => {
  await ext?.close();
  await Promise.all([fixtures?.stop(), server?.stop(), limited?.stop(), small?.stop()]);
});

async function useSettings(settings) {
  await ext.sw.evaluate((s) => chrome.storage.local.set(s), settings);
}

/** Select the doxing post, press the toolbar button, return the final state and the panel's error. */
async function scanPost(selector = '#post-doxing [data-testid="tweetText"]') {
  await clearScanState(ext);
  if (selector) await selectText(page, selector);
  else await page.evaluate(() => getSelection().removeAllRanges());
  const state = await scanWith(ext, () => clickToolbarButton(ext, page), { timeout: 40000 });
  let shown = null;
  if (state.state === 'error') {
    await panel.locator(`#error:not([hidden])[data-code="${state.error.code}"]`).waitFor();
    shown = {
      code: await panel.locator('#error').getAttribute('data-code'),
      title: await panel.locator('#error-title').textContent(),
      hint: await panel.locator('#error-hint').textContent(),
    };
  }
  return { state, shown };
}

test('no selection: says to select the post first', opts, async () => {
  const { state, shown } = await scanPost(null);
  assert.equal(state.error.code, 'no_selection');
  assert.equal(shown.title, 'Niets geselecteerd.');
  assert.match(shown.hint, /Selecteer eerst/);
  // The keyboard command with nothing selected gives the same message.
  const viaCommand = await scanWith(ext, () => pressCommand(ext, page));
  assert.equal(viaCommand.trigger, 'command');
  assert.equal(viaCommand.error.code, 'no_selection');
});

test('server not running: names the address and the command that starts it', opts, async () => {
  const probe = net.createServer();
  await new Promise((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  await useSettings({ serverUrl: `http://127.0.0.1:${port}`, apiKey: server.key });
  const { state, shown } = await scanPost();
  assert.equal(state.error.code, 'server_unreachable');
  assert.equal(shown.title, 'De piiscore-server draait niet.');
  assert.ok(shown.hint.includes(`http://127.0.0.1:${port}`));
  assert.ok(shown.hint.includes(`piiscore-server --port ${port}`));
  assert.equal(await panel.locator('#error-options').isVisible(), true);
  await panel.screenshot({ path: artifact('panel-error-server-not-running.png') });
});

test('wrong key: 401 from the real server, says how to get a key', opts, async () => {
  await useSettings({ serverUrl: server.url, apiKey: 'pk_not_a_valid_key' });
  const { state, shown } = await scanPost();
  assert.equal(state.error.code, 'unauthorized');
  assert.equal(state.error.status, 401);
  assert.equal(shown.title, 'De API-sleutel is geweigerd (401).');
  assert.match(shown.hint, /piiscore-server keys add/);
});

test('no key set: caught before anything is sent', opts, async () => {
  await useSettings({ serverUrl: server.url, apiKey: '' });
  const { state, shown } = await scanPost();
  assert.equal(state.error.code, 'no_api_key');
  assert.equal(shown.title, 'Geen API-sleutel ingesteld.');
});

test('rate limited: 429 from the real server, says how long to wait', opts, async () => {
  await useSettings({ serverUrl: limited.url, apiKey: limited.key });
  let result;
  for (let i = 0; i < 4; i += 1) {
    result = await scanPost();
    if (result.state.state === 'error') break;
  }
  assert.equal(result.state.error.code, 'rate_limited');
  assert.equal(result.state.error.status, 429);
  assert.equal(result.shown.title, 'Te veel verzoeken (429).');
  assert.match(result.shown.hint, /Wacht ongeveer \d+ seconden/);
});

test('selection too large for the server: 413 from the real server', opts, async () => {
  await useSettings({ serverUrl: small.url, apiKey: small.key });
  const { state, shown } = await scanPost();
  assert.equal(state.error.code, 'too_large');
  assert.equal(state.error.status, 413);
  assert.equal(shown.title, 'De selectie is te groot.');
});

test('selection too large: refused in the extension before sending', opts, async () => {
  await useSettings({ serverUrl: server.url, apiKey: server.key });
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.id = 'huge';
    div.textContent = 'Lange tekst. '.repeat(2000);
    document.body.append(div);
  });
  const { state, shown } = await scanPost('#huge');
  await page.evaluate(() => document.getElementById('huge').remove());
  assert.equal(state.error.code, 'too_large');
  assert.equal(state.error.status, undefined, 'nothing was sent');
  assert.match(shown.hint, /20000/);
});

test('timeout: a server that never answers', opts, async () => {
  const sockets = new Set();
  const silent = net.createServer((s) => sockets.add(s));
  await new Promise((r) => silent.listen(0, '127.0.0.1', r));
  try {
    await useSettings({ serverUrl: `http://127.0.0.1:${silent.address().port}`, apiKey: 'k' });
    const { state, shown } = await scanPost();
    assert.equal(state.error.code, 'timeout');
    assert.equal(shown.title, 'De server antwoordde te laat.');
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
  }
});

test('page the extension cannot read (browser page): says so', opts, async () => {
  await useSettings({ serverUrl: server.url, apiKey: server.key });
  const other = await ext.ctx.newPage();
  await other.goto('chrome://version/');
  await clearScanState(ext);
  const state = await scanWith(ext, () => clickToolbarButton(ext, other));
  assert.equal(state.error.code, 'unsupported_page');
  await other.close();
  await page.bringToFront();
});

test('saving a case: missing post URL and post tab not in front are explained', opts, async () => {
  await useSettings({ serverUrl: server.url, apiKey: server.key });
  const { state } = await scanPost();
  assert.equal(state.state, 'done');
  await panel.locator('#result:not([hidden])').waitFor();
  await panel.fill('#post-url', '');
  await panel.click('#save-case');
  await panel.locator('#case-status[data-code="missing_post_url"]').waitFor();
  assert.match(await panel.locator('#case-status').textContent(), /URL van het bericht ontbreekt/);

  await panel.fill('#post-url', 'https://x.com/JansenR_84/status/1790000000000000001');
  const cover = await ext.ctx.newPage(); // another tab in front of the post
  await cover.goto('about:blank');
  await panel.click('#save-case');
  await panel.locator('#case-status[data-code="tab_not_visible"]').waitFor();
  assert.match(await panel.locator('#case-status').textContent(), /staat niet vooraan/);
  await cover.close();
});

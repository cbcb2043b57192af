// The moderator's flow in a real Chromium against the real piiscore server: select a post on an
// X-like and a Facebook-like page, scan it, read the panel, see the marks in the page, draft a
// DSA notice, save a case with a screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import {
  browserTestOptions, requireChromium, startPiiscoreServer, startFixtureServer, launchExtension, selectText,
  clickToolbarButton, chooseContextMenu, pressCommand, scanWith, openPanelWindow, artifact,
  EXT_ORIGIN, clearScanState,
} from './helpers.mjs';
import { decodePng, countColour } from './png.mjs';

const opts = browserTestOptions();
let server;
let fixtures;
let ext;

before(async () => {
  if (opts.skip) return;
  requireChromium(); // before starting servers: in CI a missing browser fails at once
  [server, fixtures] = await Promise.all([startPiiscoreServer(), startFixtureServer()]);
  ext = await launchExtension({
    settings: {
      serverUrl: server.url, apiKey: server.key, notifierName: 'M. de Moderator',
      notifierEmail: 'moderator@jeugdbescherming.example', organisation: 'Jeugdbescherming Voorbeeldstad',
      draftLanguage: 'auto',
    },
  });
});

after(async () => {
  await ext?.close();
  await fixtures?.stop();
  await server?.stop();
});

async function api(path, init = {}) {
  const res = await fetch(`${server.url}${path}`, {
    ...init, headers: { Authorization: `Bearer ${server.key}`, ...(init.headers ?? {}) },
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

test('X timeline: context menu scan, panel highlights with emoji offsets, page marks, DSA draft, case with screenshot', opts, async () => {
  const page = await ext.ctx.newPage();
  await page.goto(fixtures.xUrl);
  const postText = await page.locator('#post-doxing [data-testid="tweetText"]').textContent();

  // The toolbar button on a page grants activeTab (as a real click does). With nothing selected
  // yet it shows the "nothing selected" message instead of scanning.
  const empty = await scanWith(ext, () => clickToolbarButton(ext, page));
  assert.equal(empty.state, 'error');
  assert.equal(empty.error.code, 'no_selection');

  await selectText(page, '#post-doxing [data-testid="tweetText"]');
  const current = await scanWith(ext, () => chooseContextMenu(ext, page));
  assert.equal(current.state, 'done', JSON.stringify(current.error));
  assert.equal(current.trigger, 'menu');
  assert.equal(current.text, postText);

  // Post context from the DOM around the selection: the permalink of this post (not the other one).
  assert.deepEqual(
    [current.post.platform, current.post.postUrl, current.post.accountHandle, current.post.source],
    ['x', 'https://x.com/JansenR_84/status/1790000000000000001', '@JansenR_84', 'permalink'],
  );

  // What the real server found for this text, to compare with the panel and the page.
  const direct = await api('/api/scan', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: postText }),
  });
  assert.equal(direct.status, 200);
  const entities = direct.body.entities;
  assert.ok(entities.some((e) => e.type === 'PHONE_NUMBER' && e.text === '06-12345678'), JSON.stringify(entities));
  // The emoji before the spans make code-point and UTF-16 offsets differ: the test is meaningful.
  assert.ok(entities.some((e) => e.start !== e.start_utf16));
  assert.deepEqual(current.result.entities, entities);

  const panel = await openPanelWindow(ext);
  await panel.locator('#result:not([hidden])').waitFor();
  const marks = await panel.locator('#post-text mark').evaluateAll((els) => els.map((m) => ({
    text: m.textContent, types: m.dataset.types,
  })));
  // Each entity's mark holds exactly the entity's text (no shift by the emoji).
  for (const e of entities) {
    assert.ok(marks.some((m) => m.types.split(' ').includes(e.type) && e.text.includes(m.text)), `${e.type} ${e.text}`);
  }
  const phoneMark = marks.find((m) => m.types === 'PHONE_NUMBER');
  assert.equal(phoneMark.text, '06-12345678');
  assert.equal(await panel.locator('#post-text').textContent().then((t) => t.includes('🚨')), true);
  // A text label after each entity (readable without colour) and a legend entry per type.
  const tags = await panel.locator('#post-text .tag').allTextContents();
  assert.equal(tags.length, entities.length);
  assert.ok(tags.includes('Telefoon'));
  const legendTypes = await panel.locator('#legend li').evaluateAll((els) => els.map((li) => li.dataset.type));
  assert.deepEqual(legendTypes.sort(), [...new Set(entities.map((e) => e.type))].sort());
  // Risk, reasons, flags.
  assert.equal(await panel.locator('#risk-box').getAttribute('data-level'), direct.body.score.level);
  assert.equal(await panel.locator('#reasons li').count(), direct.body.score.reasons.length);
  assert.ok(await panel.locator('#flags li[data-flag="threat"]').count() === (direct.body.score.flags.threat ? 1 : 0));
  assert.equal(await panel.locator('#post-url').inputValue(), 'https://x.com/JansenR_84/status/1790000000000000001');

  // Marks in the page itself, inside the selected post only, with a text label.
  const pageMarks = await page.locator('#post-doxing mark[data-piiscore-mark]').allTextContents();
  assert.ok(pageMarks.includes('06-12345678'), pageMarks.join('|'));
  assert.equal(await page.locator('#post-other mark[data-piiscore-mark]').count(), 0);
  assert.ok(await page.locator('#post-doxing [data-piiscore-mark="label"]').count() >= 1);
  await page.screenshot({ path: artifact('x-page-highlighted.png') });

  // Draft a DSA notice in Dutch.
  await panel.selectOption('#draft-kind', 'dsa_notice');
  await panel.selectOption('#draft-language', 'nl');
  await panel.click('#make-draft');
  await panel.locator('#draft:not([hidden])').waitFor();
  const body = await panel.locator('#draft-body').inputValue();
  assert.ok(body.length > 200);
  assert.ok(body.includes('https://x.com/JansenR_84/status/1790000000000000001'));
  assert.ok(!body.includes('06-12345678'), 'a draft names kinds of data, never the values');
  assert.ok((await panel.locator('#draft-subject').inputValue()).length > 5);
  // Editing stays editable; copy puts subject + edited body on the clipboard.
  await panel.locator('#draft-body').fill(`${body}\nAangevuld door moderator.`);
  // Record what goes to the clipboard (reading it back needs a permission extension origins
  // cannot be granted in tests); the real writeText still runs.
  await panel.evaluate(() => {
    const original = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => { window.lastCopied = text; return original(text); };
  });
  await panel.click('#copy-draft');
  await panel.waitForFunction(() => document.getElementById('draft-status').textContent !== '');
  const copyStatus = await panel.locator('#draft-status').textContent();
  assert.ok(['Gekopieerd naar het klembord.', 'Kopiëren werd geblokkeerd: de tekst is geselecteerd, druk op Ctrl+C.']
    .includes(copyStatus), copyStatus);
  const clip = await panel.evaluate(() => window.lastCopied);
  assert.ok(clip.includes('Aangevuld door moderator.'));
  assert.match(clip, /^Onderwerp: /);
  await panel.screenshot({ path: artifact('x-panel-draft.png'), fullPage: true });
  // The browser's side panel is often this narrow: the risk must still read at a glance.
  await panel.setViewportSize({ width: 340, height: 700 });
  await panel.evaluate(() => window.scrollTo(0, 0));
  await panel.screenshot({ path: artifact('x-panel-narrow.png') });
  assert.ok(await panel.locator('#risk-level').isVisible());
  await panel.setViewportSize({ width: 440, height: 1400 });

  // Save as case with a screenshot; watch the panel's requests at the network level.
  const cdp = await ext.ctx.newCDPSession(panel);
  await cdp.send('Network.enable');
  const sent = [];
  const received = [];
  cdp.on('Network.requestWillBeSentExtraInfo', (e) => sent.push(e));
  cdp.on('Network.responseReceivedExtraInfo', (e) => received.push(e));
  const requests = [];
  cdp.on('Network.requestWillBeSent', (e) => requests.push(e));
  await page.bringToFront();
  await panel.click('#save-case');
  await panel.locator('#case-info:not([hidden])').waitFor({ timeout: 30000 });
  const caseId = await panel.locator('#case-info dd[data-field="caseId"]').textContent();
  const sha = await panel.locator('#case-info dd[data-field="caseSha"]').textContent();
  const captured = await panel.locator('#case-info dd[data-field="caseCaptured"]').textContent();
  assert.match(sha, /^[0-9a-f]{64}$/);
  assert.match(captured, /Z$/);

  const stored = await api(`/api/cases/${caseId}`);
  assert.equal(stored.status, 200);
  assert.equal(stored.body.url, 'https://x.com/JansenR_84/status/1790000000000000001');
  assert.equal(stored.body.platform, 'x');
  assert.equal(stored.body.account_handle, '@JansenR_84');
  const listed = await api('/api/cases');
  assert.ok(JSON.stringify(listed.body).includes(`"id":${caseId}`));
  assert.ok(JSON.stringify(stored.body).includes(sha), 'the server stored the hash the extension computed');
  // The stored screenshot is the page without our marks, which are back in the page afterwards.
  const item = stored.body.evidence.find((e) => e.sha256 === sha);
  assert.equal(item.source_url, fixtures.xUrl);
  const png = await fetch(`${server.url}/api/cases/${caseId}/evidence/${item.id}`,
    { headers: { Authorization: `Bearer ${server.key}` } });
  assert.equal(png.status, 200);
  const bytes = Buffer.from(await png.arrayBuffer());
  assert.equal(createHash('sha256').update(bytes).digest('hex'), sha);
  fs.writeFileSync(artifact('x-evidence-screenshot.png'), bytes);
  await page.locator('#post-doxing mark[data-piiscore-mark]').first().waitFor();
  const PHONE_PINK = '#ff9ec7'; // the phone mark's colour (lib/entity-kinds.js)
  const evidencePng = decodePng(bytes);
  assert.ok(evidencePng.width > 600, 'the capture shows the visible tab');
  assert.equal(countColour(evidencePng, PHONE_PINK), 0, 'no piiscore marks in the evidence');
  assert.ok(countColour(decodePng(await page.screenshot()), PHONE_PINK) > 50, 'marks back in the page');

  // The server saw the extension's origin: the request carried it, and the server granted it.
  const caseRequest = requests.find((r) => r.request.url === `${server.url}/api/cases` && r.request.method === 'POST');
  assert.ok(caseRequest);
  const headersSent = sent.find((e) => e.requestId === caseRequest.requestId)?.headers ?? {};
  assert.equal(headersSent.Origin ?? headersSent.origin, EXT_ORIGIN);
  const headersBack = received.find((e) => e.requestId === caseRequest.requestId)?.headers ?? {};
  assert.equal(headersBack['Access-Control-Allow-Origin'] ?? headersBack['access-control-allow-origin'], EXT_ORIGIN);
  await cdp.detach();

  // A draft made after saving cites the screenshot's hash.
  await panel.click('#make-draft');
  await panel.waitForFunction((h) => document.getElementById('draft-body').value.includes(h), sha);
  await panel.screenshot({ path: artifact('x-panel-case.png'), fullPage: true });

  // Closing the panel removes the marks from the page.
  await panel.close();
  await page.locator('#post-doxing mark[data-piiscore-mark]').first().waitFor({ state: 'detached', timeout: 10000 });
  assert.equal(await page.locator('[data-piiscore-mark]').count(), 0);
  assert.equal(await page.locator('#post-doxing [data-testid="tweetText"]').textContent(), postText);
  await page.close();
});

test('Facebook feed: toolbar button opens the side panel and finds the permalink (no tracking) and author; keyboard command too', opts, async () => {
  await clearScanState(ext);
  const page = await ext.ctx.newPage();
  await page.goto(fixtures.facebookUrl);
  const postText = await page.locator('#post-doxing [data-ad-preview="message"]').textContent();
  await selectText(page, '#post-doxing [data-ad-preview="message"]');
  const current = await scanWith(ext, () => clickToolbarButton(ext, page));
  assert.equal(current.state, 'done', JSON.stringify(current.error));
  assert.equal(current.trigger, 'action');
  assert.equal(current.text, postText);
  assert.deepEqual(
    [current.post.platform, current.post.postUrl, current.post.accountHandle],
    ['facebook', 'https://www.facebook.com/permalink.php?story_fbid=pfbid02AbCdEfGhIjKlMnOpQrStUv&id=100012345678901',
      'opa.henk.71'],
  );
  assert.ok(current.result.entities.some((e) => e.type === 'PHONE_NUMBER' && e.text === '06-98765432'));
  const panel = await openPanelWindow(ext);
  await panel.locator('#result:not([hidden])').waitFor();
  const phone = panel.locator('#post-text mark[data-types="PHONE_NUMBER"]');
  assert.equal(await phone.textContent(), '06-98765432');
  assert.ok(await page.locator('#post-doxing mark[data-piiscore-mark]').count() >= 1);
  await page.screenshot({ path: artifact('facebook-page-highlighted.png') });

  // GDPR erasure: needs the person's authorisation, listed as missing (English draft).
  await panel.selectOption('#draft-kind', 'gdpr_erasure');
  await panel.selectOption('#draft-language', 'en');
  await panel.click('#make-draft');
  await panel.locator('#draft-missing:not([hidden]) li[data-field="authorisation"]').waitFor();
  assert.equal(await panel.locator('#draft-missing li[data-field="authorisation"]').textContent(),
    'Machtiging van de betrokkene');
  // DSA notice: the platform's form opens in a new tab (the address only: nothing resolves here).
  await panel.selectOption('#draft-kind', 'dsa_notice');
  await panel.click('#make-draft');
  await panel.locator('#open-channel:not([hidden])').waitFor();
  const channelUrl = await panel.getAttribute('#open-channel', 'data-url');
  assert.match(channelUrl, /^https:\/\/[a-z.]*facebook\.com\//);
  const opened = ext.ctx.waitForEvent('page');
  const navigation = ext.ctx.waitForEvent('request', (r) => r.url() === channelUrl && r.isNavigationRequest());
  await panel.click('#open-channel');
  const [form] = await Promise.all([opened, navigation]);
  await form.close();
  await page.bringToFront();
  await panel.screenshot({ path: artifact('facebook-panel.png'), fullPage: true });

  // The selection is dropped once the page is marked (its blue would hide the colours).
  assert.equal(await page.evaluate(() => getSelection().toString()), '');
  // The keyboard command runs the same handler.
  await selectText(page, '#post-doxing [data-ad-preview="message"]');
  const again = await scanWith(ext, () => pressCommand(ext, page));
  assert.equal(again.trigger, 'command');
  assert.equal(again.state, 'done');
  await page.locator('#post-doxing mark[data-piiscore-mark]').first().waitFor();

  // The toolbar button also opened the browser's real side panel; closing it removes the marks.
  const sidePanels = await ext.sw.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] }))
    .map((c) => ({ url: c.documentUrl, tabId: c.tabId })));
  assert.equal(sidePanels.length, 1);
  assert.ok(sidePanels[0].url.endsWith('/sidepanel/sidepanel.html'));
  await ext.sw.evaluate(async (u) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    await chrome.sidePanel.close({ windowId: tab.windowId }); // the panel is window-wide (no per-tab options)
  }, page.url());
  assert.equal(await ext.sw.evaluate(async () => {
    for (let i = 0; i < 50; i += 1) {
      const open = (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length;
      if (open === 0) return 0;
      await new Promise((r) => setTimeout(r, 100));
    }
    return -1;
  }), 0, 'side panel closed');
  await page.locator('[data-piiscore-mark]').first().waitFor({ state: 'detached', timeout: 10000 });
  assert.equal(await page.locator('#post-doxing [data-ad-preview="message"]').textContent(), postText);
  await panel.close();
  await page.close();
});

test('obfuscated post (emoji keycap digits, "(at)"): note shown, marks cover the disguised values', opts, async () => {
  await clearScanState(ext);
  const page = await ext.ctx.newPage();
  await page.goto(fixtures.xUrl);
  await scanWith(ext, () => clickToolbarButton(ext, page)); // grants activeTab (nothing selected yet)
  await selectText(page, '#post-obfuscated [data-testid="tweetText"]');
  const current = await scanWith(ext, () => chooseContextMenu(ext, page));
  assert.equal(current.state, 'done', JSON.stringify(current.error));
  assert.equal(current.post.postUrl, 'https://x.com/anoniem_4477/status/1790000000000000002');
  const flags = current.result.score.flags;
  const panel = await openPanelWindow(ext);
  await panel.locator('#result:not([hidden])').waitFor();
  assert.equal(await panel.locator('#obfuscation-note').isVisible(), flags.obfuscation === true);
  assert.ok(flags.obfuscation, 'the server flags the disguised phone number and e-mail');
  assert.match(await panel.locator('#obfuscation-note').textContent(), /verhuld/);
  // Every mark holds exactly the server's text for its entity, keycap emoji included.
  for (const e of current.result.entities) {
    const marked = await panel.locator(`#post-text mark[data-types="${e.type}"]`).allTextContents();
    assert.ok(marked.includes(e.text), `${e.type}: ${JSON.stringify(marked)} vs ${JSON.stringify(e.text)}`);
  }
  const pageMarked = await page.locator('#post-obfuscated mark[data-piiscore-mark]').allTextContents();
  assert.equal(pageMarked.length, current.result.entities.length);
  await page.screenshot({ path: artifact('x-obfuscated-page.png') });
  await panel.screenshot({ path: artifact('x-obfuscated-panel.png') });
  await panel.close();
  await page.close();
});

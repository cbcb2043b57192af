import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { draftClipboardText, safeChannelUrl, missingFieldKey, draftLanguage } from '../../lib/drafts.js';
import { decodeDataUrl, sha256Hex, utcTimestamp } from '../../lib/evidence.js';
import {
  mergeSettings, normalizeServerUrl, isLoopbackServer, hostPermissionPattern, DEFAULT_SERVER_URL,
} from '../../lib/settings.js';

test('clipboard text: subject line, blank line, edited body with normalised line ends', () => {
  assert.equal(draftClipboardText({ subject: ' Melding ', body: 'Geachte,\r\nregel 2\n\n\n' }, 'Onderwerp'),
    'Onderwerp: Melding\n\nGeachte,\nregel 2\n');
  assert.equal(draftClipboardText({ subject: '', body: 'alleen tekst' }), 'alleen tekst\n');
});

test('only http(s) channel URLs are opened', () => {
  assert.equal(safeChannelUrl('https://help.x.com/forms/dsa'), 'https://help.x.com/forms/dsa');
  assert.equal(safeChannelUrl('javascript:alert(1)'), null);
  assert.equal(safeChannelUrl('data:text/html,hi'), null);
  assert.equal(safeChannelUrl(undefined), null);
});

test('missing field keys and the draft language choice', () => {
  assert.equal(missingFieldKey('notifier_email'), 'missing_notifier_email');
  assert.equal(missingFieldKey('we!rd'), 'missing_we_rd');
  assert.equal(draftLanguage('en', 'nl'), 'en');
  assert.equal(draftLanguage('auto', 'en'), 'en');
  assert.equal(draftLanguage('auto', undefined), 'nl');
});

test('screenshot data URL decodes to the same bytes that are hashed', async () => {
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
  const dataUrl = `data:image/png;base64,${bytes.toString('base64')}`;
  const decoded = decodeDataUrl(dataUrl);
  assert.equal(decoded.mime, 'image/png');
  assert.deepEqual(Buffer.from(decoded.bytes), bytes);
  assert.equal(decoded.base64, bytes.toString('base64'));
  assert.equal(await sha256Hex(decoded.bytes), createHash('sha256').update(bytes).digest('hex'));
  assert.throws(() => decodeDataUrl('http://example.org/a.png'));
});

test('capture time is UTC with a Z suffix', () => {
  assert.equal(utcTimestamp(new Date(Date.UTC(2026, 10, 28, 19, 4, 5, 123))), '2026-11-28T19:04:05.123Z');
  assert.match(utcTimestamp(), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});

test('settings: defaults, trimming, wrong types and languages dropped', () => {
  assert.equal(mergeSettings(undefined).serverUrl, DEFAULT_SERVER_URL);
  const s = mergeSettings({ apiKey: ' k ', draftLanguage: 'fr', serverUrl: '', notifierName: 42, extra: 'x' });
  assert.deepEqual(s, { serverUrl: DEFAULT_SERVER_URL, apiKey: 'k', notifierName: '', notifierEmail: '',
    organisation: '', draftLanguage: 'auto' });
});

test('server URL: normalised, bad ones refused with a reason', () => {
  assert.deepEqual(normalizeServerUrl(' http://127.0.0.1:8765/ '), { ok: true, url: 'http://127.0.0.1:8765' });
  assert.deepEqual(normalizeServerUrl('https://piiscore.example.org/base/'), { ok: true, url: 'https://piiscore.example.org/base' });
  assert.equal(normalizeServerUrl('ftp://h').reason, 'scheme');
  assert.equal(normalizeServerUrl('http://u:p@h').reason, 'credentials');
  assert.equal(normalizeServerUrl('http://h/?k=1').reason, 'query');
  assert.deepEqual(normalizeServerUrl('localhost:8765'), { ok: true, url: 'http://localhost:8765' });
  assert.equal(normalizeServerUrl('javascript:alert(1)').reason, 'invalid');
  assert.equal(normalizeServerUrl('http://').reason, 'invalid');
  assert.equal(normalizeServerUrl('').reason, 'invalid');
});

test('loopback servers need no extra permission; others get an origin pattern without port', () => {
  assert.equal(isLoopbackServer('http://127.0.0.1:8765'), true);
  assert.equal(isLoopbackServer('http://localhost:9000'), true);
  assert.equal(isLoopbackServer('https://127.0.0.1:8765'), false); // manifest covers http only
  assert.equal(isLoopbackServer('http://10.0.0.5:8765'), false);
  assert.equal(hostPermissionPattern('https://piiscore.example.org:8443/base'), 'https://piiscore.example.org/*');
});

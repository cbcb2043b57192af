import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildRequest, scanBody, draftBody, caseBody, evidenceBody, selectionProblem, MAX_SELECTION_CHARS,
} from '../../lib/requests.js';

const SETTINGS = { serverUrl: 'http://127.0.0.1:8765/', apiKey: 'k-123' };

test('API requests carry the key only in the Authorization header, JSON body, no cookies', () => {
  const { url, init } = buildRequest(SETTINGS, '/api/scan', { body: { text: 'x' } });
  assert.equal(url, 'http://127.0.0.1:8765/api/scan');
  assert.equal(init.method, 'POST');
  assert.equal(init.headers.Authorization, 'Bearer k-123');
  assert.equal(init.headers['Content-Type'], 'application/json');
  assert.equal(init.credentials, 'omit');
  assert.equal(init.referrerPolicy, 'no-referrer');
  assert.deepEqual(JSON.parse(init.body), { text: 'x' });
  assert.ok(!url.includes('k-123'));
});

test('/health goes without the key and without a body', () => {
  const { url, init } = buildRequest(SETTINGS, '/health', { method: 'GET' });
  assert.equal(url, 'http://127.0.0.1:8765/health');
  assert.equal(init.headers.Authorization, undefined);
  assert.equal(init.body, undefined);
});

test('scan body: text, url and platform; "other" platform and empty values left out', () => {
  assert.deepEqual(scanBody({ text: '🚨 Sanne', postUrl: 'https://x.com/a/status/1', platform: 'x' }),
    { text: '🚨 Sanne', url: 'https://x.com/a/status/1', platform: 'x' });
  assert.deepEqual(scanBody({ text: 't', postUrl: null, platform: 'other' }), { text: 't' });
  assert.deepEqual(scanBody({ text: 't', language: 'nl' }), { text: 't', language: 'nl' });
});

test('draft body maps settings and post details to the contract names', () => {
  const body = draftBody({
    text: 't', kind: 'dsa_notice', language: 'nl',
    post: { postUrl: 'https://x.com/a/status/1', platform: 'x', accountHandle: '@a', postId: '1' },
    settings: { notifierName: 'M. Moderator', notifierEmail: 'mod@example.org', organisation: '', apiKey: 'secret' },
  });
  assert.deepEqual(body, {
    text: 't', kind: 'dsa_notice', language: 'nl', url: 'https://x.com/a/status/1', platform: 'x',
    details: {
      url: 'https://x.com/a/status/1', platform: 'x', account_handle: '@a', post_id: '1',
      notifier_name: 'M. Moderator', notifier_email: 'mod@example.org',
    },
  });
  assert.ok(!JSON.stringify(body).includes('secret'));
});

test('draft body cites a saved screenshot: capture time and hash', () => {
  const sha = 'a'.repeat(64);
  const body = draftBody({ text: 't', kind: 'police_report', language: 'en', post: {}, settings: {},
    evidence: { sha256: sha, capturedAt: '2026-11-28T19:00:00.000Z' } });
  assert.deepEqual(body.details, {
    captured_at: '2026-11-28T19:00:00.000Z',
    evidence: [{ kind: 'screenshot', sha256: sha, captured_at: '2026-11-28T19:00:00.000Z' }],
  });
  assert.equal(draftBody({ text: 't', kind: 'dsa_notice', language: 'nl' }).details.evidence, undefined);
});

test('case and evidence bodies', () => {
  assert.deepEqual(caseBody({ text: 't', post: { postUrl: 'u', platform: 'facebook', accountHandle: '', postId: '9' } }),
    { text: 't', url: 'u', platform: 'facebook', post_id: '9' });
  assert.deepEqual(evidenceBody({ base64: 'QQ==', sha256: 'ab', capturedAt: '2026-01-01T00:00:00.000Z', sourceUrl: 'https://x.com/home' }),
    { kind: 'screenshot', content_base64: 'QQ==', sha256: 'ab', captured_at: '2026-01-01T00:00:00.000Z', source_url: 'https://x.com/home' });
});

test('selection checks: empty, whitespace, too large, fine', () => {
  assert.equal(selectionProblem(''), 'no_selection');
  assert.equal(selectionProblem('  \n '), 'no_selection');
  assert.equal(selectionProblem(undefined), 'no_selection');
  assert.equal(selectionProblem('x'.repeat(MAX_SELECTION_CHARS + 1)), 'too_large');
  assert.equal(selectionProblem('x'.repeat(MAX_SELECTION_CHARS)), null);
});

test('draftBody sends the moderator-confirmed threat, and nothing when unconfirmed', () => {
  assert.equal(draftBody({ text: 't', kind: 'dsa_notice', language: 'nl', threat: true }).details.threat, true);
  assert.equal(draftBody({ text: 't', kind: 'dsa_notice', language: 'nl', threat: false }).details.threat, undefined);
});

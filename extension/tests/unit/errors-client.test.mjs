import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { codeForStatus, describeError, retryAfterSeconds, ERROR_CODES } from '../../lib/errors.js';
import { callServer } from '../../lib/client.js';

test('status codes map to actionable error codes', () => {
  assert.equal(codeForStatus(200), null);
  assert.equal(codeForStatus(201), null);
  assert.equal(codeForStatus(401), 'unauthorized');
  assert.equal(codeForStatus(413), 'too_large');
  assert.equal(codeForStatus(415), 'unsupported_media');
  assert.equal(codeForStatus(429), 'rate_limited');
  assert.equal(codeForStatus(400, '/api/cases/3/evidence'), 'hash_mismatch');
  assert.equal(codeForStatus(400, '/api/scan'), 'bad_request');
  assert.equal(codeForStatus(422), 'bad_request');
  assert.equal(codeForStatus(503), 'server_error');
});

test('Retry-After in seconds or as a date', () => {
  assert.equal(retryAfterSeconds('12'), 12);
  assert.equal(retryAfterSeconds(null), null);
  assert.equal(retryAfterSeconds('soon'), null);
  const now = Date.parse('2026-11-28T19:00:00Z');
  assert.equal(retryAfterSeconds('Sat, 28 Nov 2026 19:00:30 GMT', now), 30);
});

test('describeError names the server URL and port for "not running", the wait for 429', () => {
  const d = describeError({ code: 'server_unreachable', serverUrl: 'http://127.0.0.1:9999' });
  assert.equal(d.titleKey, 'err_server_unreachable_title');
  assert.deepEqual(d.substitutions, ['http://127.0.0.1:9999', '9999']);
  assert.deepEqual(describeError({ code: 'rate_limited', retryAfter: 7 }).substitutions, ['7']);
  assert.equal(describeError({ code: 'no_such_code' }).code, 'server_error');
  assert.equal(describeError({ code: 'bad_request', serverMessage: 'language must be nl or en' }).detail,
    'language must be nl or en');
  assert.equal(describeError({ code: 'unauthorized', serverMessage: 'x' }).detail, '');
  for (const code of ERROR_CODES) assert.equal(describeError({ code }).code, code);
});

// A scripted loopback HTTP server standing in for network behaviour (status codes, a hang).
// The end-to-end tests use the real piiscore server.
let server;
let base;
before(async () => {
  server = http.createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    let seen = '';
    req.on('data', (c) => { seen += c; });
    req.on('end', () => {
      if (req.url === '/hang') return; // never answers
      if (req.url === '/api/echo') return send(200, { auth: req.headers.authorization, body: JSON.parse(seen) });
      if (req.url === '/api/401') return send(401, { error: 'unauthorized', message: 'bad key' });
      if (req.url === '/api/429') return send(429, { error: 'rate_limited', message: 'slow down' }, { 'Retry-After': '3' });
      if (req.url === '/api/413') return send(413, { error: 'too_large', message: 'too large' });
      if (req.url === '/api/html') {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return res.end('<html></html>');
      }
      return send(404, { error: 'not_found', message: 'no' });
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.closeAllConnections?.() ?? server.close());

test('callServer sends the key and body and returns the JSON', async () => {
  const r = await callServer({ serverUrl: base, apiKey: 'k1' }, '/api/echo', { body: { text: 'hoi' } });
  assert.equal(r.ok, true);
  assert.deepEqual(r.data, { auth: 'Bearer k1', body: { text: 'hoi' } });
});

test('callServer maps 401, 429 (with Retry-After), 413 and non-JSON answers', async () => {
  const s = { serverUrl: base, apiKey: 'k1' };
  assert.equal((await callServer(s, '/api/401', { body: {} })).error.code, 'unauthorized');
  const limited = await callServer(s, '/api/429', { body: {} });
  assert.deepEqual([limited.error.code, limited.error.retryAfter], ['rate_limited', 3]);
  assert.equal((await callServer(s, '/api/413', { body: {} })).error.code, 'too_large');
  assert.equal((await callServer(s, '/api/html', { body: {} })).error.code, 'invalid_response');
});

test('callServer: no key is caught before sending; a hang becomes a timeout', async () => {
  assert.equal((await callServer({ serverUrl: base, apiKey: '' }, '/api/echo', { body: {} })).error.code, 'no_api_key');
  const started = Date.now();
  const r = await callServer({ serverUrl: base }, '/hang', { method: 'GET', timeoutMs: 300 });
  assert.equal(r.error.code, 'timeout');
  assert.ok(Date.now() - started < 3000);
});

test('callServer: a closed port is "server not running"', async () => {
  const probe = http.createServer();
  await new Promise((r) => probe.listen(0, '127.0.0.1', r));
  const port = probe.address().port;
  await new Promise((r) => probe.close(r));
  const r = await callServer({ serverUrl: `http://127.0.0.1:${port}` }, '/health', { method: 'GET' });
  assert.equal(r.error.code, 'server_unreachable');
  assert.equal(r.error.serverUrl, `http://127.0.0.1:${port}`);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTITY_KINDS, RISK_STYLE } from '../../lib/entity-kinds.js';
import { ERROR_CODES } from '../../lib/errors.js';
import { DRAFT_KINDS } from '../../lib/requests.js';

const EXT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (p) => JSON.parse(fs.readFileSync(path.join(EXT, p), 'utf8'));
const manifest = read('manifest.json');
const en = read('_locales/en/messages.json');
const nl = read('_locales/nl/messages.json');

test('permissions are exactly the ones used; host access only to loopback', () => {
  assert.deepEqual([...manifest.permissions].sort(),
    ['activeTab', 'contextMenus', 'scripting', 'sidePanel', 'storage']);
  assert.deepEqual(manifest.host_permissions, ['http://127.0.0.1/*', 'http://localhost/*']);
  assert.equal(manifest.content_scripts, undefined, 'no always-on content scripts');
  assert.ok(!JSON.stringify(manifest).includes('<all_urls>'));
  assert.equal(manifest.manifest_version, 3);
});

test('pinned public key gives the stable extension id used by the tests', async () => {
  const { createHash } = await import('node:crypto');
  const hex = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
  const id = [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  assert.equal(id, 'oenimiiaogdbachinfbjobfomchobjgc');
  assert.ok(!manifest.key.includes('PRIVATE'));
});

test('Firefox settings and a module worker are declared', () => {
  assert.match(manifest.browser_specific_settings.gecko.id, /@/);
  assert.equal(manifest.background.type, 'module');
  assert.deepEqual(manifest.background.scripts, [manifest.background.service_worker]);
});

test('every file the manifest names exists', () => {
  const files = [manifest.background.service_worker, manifest.side_panel.default_path,
    manifest.options_ui.page, ...Object.values(manifest.icons)];
  for (const f of files) assert.ok(fs.existsSync(path.join(EXT, f)), f);
});

test('en and nl have the same keys and the same placeholders', () => {
  assert.deepEqual(Object.keys(nl).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    assert.deepEqual(Object.keys(nl[key].placeholders ?? {}), Object.keys(en[key].placeholders ?? {}), key);
    assert.ok(nl[key].message.trim(), key);
  }
});

test('every message key used by the code and pages exists', () => {
  const used = new Set();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory() && !['node_modules', 'tests', '_locales'].includes(entry.name)) walk(p);
      else if (/\.(js|html|json)$/.test(entry.name)) {
        const src = fs.readFileSync(p, 'utf8');
        for (const m of src.matchAll(/data-i18n(?:-placeholder|-title)?="([A-Za-z0-9_]+)"/g)) used.add(m[1]);
        for (const m of src.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]);
        for (const m of src.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(m[1]);
        for (const m of src.matchAll(/getMessage\('([A-Za-z0-9_]+)'/g)) used.add(m[1]);
      }
    }
  };
  walk(EXT);
  for (const kind of Object.values(ENTITY_KINDS)) used.add(kind.labelKey);
  for (const risk of Object.values(RISK_STYLE)) used.add(risk.labelKey);
  for (const code of ERROR_CODES) used.add(`err_${code}_title`).add(`err_${code}_hint`);
  for (const kind of DRAFT_KINDS) used.add(`draftKind_${kind}`);
  for (const source of ['permalink', 'page', 'none']) used.add(`postSource_${source}`);
  for (const flag of ['threat', 'call_to_action', 'obfuscation', 'watchlist_match']) used.add(`flag_${flag}`);
  for (const role of ['youth_protection', 'police', 'teacher', 'journalist', 'public_official', 'private_person']) {
    used.add(`role_${role}`);
  }
  const missing = [...used].filter((k) => !(k in en));
  assert.deepEqual(missing, []);
  assert.ok(used.size > 100);
});

test('the "server not running" message says how to start it, in both languages', () => {
  for (const messages of [en, nl]) {
    assert.match(messages.err_server_unreachable_hint.message, /piiscore-server --port \$P2\$/);
  }
});

test('pages never write HTML from data: no innerHTML / outerHTML / insertAdjacentHTML', () => {
  for (const dir of ['lib', 'background', 'sidepanel', 'options']) {
    for (const f of fs.readdirSync(path.join(EXT, dir))) {
      const src = fs.readFileSync(path.join(EXT, dir, f), 'utf8');
      assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/, `${dir}/${f}`);
    }
  }
});

// Options page: settings in chrome.storage.local; a non-loopback server needs an optional host
// permission, requested here while the click's user gesture is still valid.
import { t, localizePage } from '../lib/i18n.js';
import {
  loadSettings, saveSettings, normalizeServerUrl, isLoopbackServer, hostPermissionPattern,
} from '../lib/settings.js';
import { callServer } from '../lib/client.js';
import { describeError } from '../lib/errors.js';

const FIELDS = ['serverUrl', 'apiKey', 'notifierName', 'notifierEmail', 'organisation', 'draftLanguage'];
const $ = (id) => document.getElementById(id);

function show(kind, text) {
  $('result').className = `result ${kind}`;
  $('result').dataset.kind = kind;
  $('result').textContent = text;
}

function formValues() {
  return Object.fromEntries(FIELDS.map((f) => [f, $(f).value]));
}

/** Validated values, with the host permission granted when the server is not on loopback. */
async function checkedValues() {
  const values = formValues();
  const parsed = normalizeServerUrl(values.serverUrl);
  if (!parsed.ok) {
    show('bad', t(`serverUrlInvalid_${parsed.reason}`));
    return null;
  }
  values.serverUrl = parsed.url;
  if (!isLoopbackServer(parsed.url)) {
    // Must be the first await after the click: permissions.request needs the user gesture.
    const granted = await chrome.permissions.request({ origins: [hostPermissionPattern(parsed.url)] });
    if (!granted) {
      show('bad', t('permissionRefused', [hostPermissionPattern(parsed.url)]));
      return null;
    }
  }
  return values;
}

async function save(event) {
  event.preventDefault();
  const values = await checkedValues();
  if (!values) return;
  const saved = await saveSettings(values);
  $('serverUrl').value = saved.serverUrl;
  show('ok', t('saved'));
}

async function testConnection() {
  const values = await checkedValues();
  if (!values) return;
  show('', t('testing'));
  const settings = { ...values, apiKey: values.apiKey.trim() };
  const health = await callServer(settings, '/health', { method: 'GET', timeoutMs: 5000 });
  if (!health.ok) {
    const d = describeError(health.error);
    show('bad', `${t(d.titleKey, d.substitutions)} ${t(d.hintKey, d.substitutions)}`);
    return;
  }
  // /health needs no key; a tiny scan checks that the key is accepted.
  const scan = await callServer(settings, '/api/scan', { body: { text: 'test' }, timeoutMs: 5000 });
  if (!scan.ok) {
    const d = describeError(scan.error);
    show('bad', `${t(d.titleKey, d.substitutions)} ${t(d.hintKey, d.substitutions)}`);
    return;
  }
  show('ok', t('testOk', [String(health.data.version ?? '?'), settings.serverUrl]));
}

localizePage();
loadSettings().then((settings) => {
  for (const f of FIELDS) $(f).value = settings[f];
});
$('form').addEventListener('submit', save);
$('test').addEventListener('click', testConnection);

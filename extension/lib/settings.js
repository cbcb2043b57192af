// Settings kept in chrome.storage.local (never in page-visible places). Pure helpers here; the
// storage calls are in loadSettings/saveSettings so tests can use the pure part.

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8765';

export const DEFAULT_SETTINGS = Object.freeze({
  serverUrl: DEFAULT_SERVER_URL,
  apiKey: '',
  notifierName: '',
  notifierEmail: '',
  organisation: '',
  draftLanguage: 'auto',
});

export const DRAFT_LANGUAGES = Object.freeze(['auto', 'nl', 'en']);

/** Stored values over the defaults; unknown keys and wrong types are dropped. */
export function mergeSettings(stored) {
  const merged = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS)) {
    if (typeof stored?.[key] === 'string') merged[key] = stored[key].trim();
  }
  if (!DRAFT_LANGUAGES.includes(merged.draftLanguage)) merged.draftLanguage = 'auto';
  if (!merged.serverUrl) merged.serverUrl = DEFAULT_SERVER_URL;
  return merged;
}

/**
 * Parse a server URL typed by the user: http(s) only (http:// assumed when none is typed), no credentials, no query; trailing slash
 * removed. Returns {ok: true, url} or {ok: false, reason}.
 */
export function normalizeServerUrl(input) {
  let raw = String(input ?? '').trim();
  // "127.0.0.1:8765" or "localhost:8765" typed without a scheme means http.
  if (raw && !/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) raw = `http://${raw}`;
  let u;
  try {
    u = new URL(raw);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, reason: 'scheme' };
  if (u.username || u.password) return { ok: false, reason: 'credentials' };
  if (u.search || u.hash) return { ok: false, reason: 'query' };
  const path = u.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${u.protocol}//${u.host}${path}` };
}

/** True for the loopback hosts the manifest's host_permissions already cover. */
export function isLoopbackServer(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost');
  } catch {
    return false;
  }
}

/** The match pattern for chrome.permissions.request (patterns carry no port). */
export function hostPermissionPattern(url) {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

export async function loadSettings(storage = globalThis.chrome?.storage?.local) {
  const stored = await storage.get(Object.keys(DEFAULT_SETTINGS));
  return mergeSettings(stored);
}

export async function saveSettings(values, storage = globalThis.chrome?.storage?.local) {
  const merged = mergeSettings(values);
  await storage.set(merged);
  return merged;
}

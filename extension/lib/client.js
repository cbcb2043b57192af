// fetch() wrapper for the piiscore server: a timeout, JSON parsing, and every failure turned into
// {ok: false, error: {code, ...}} (see errors.js) instead of an exception.
import { buildRequest } from './requests.js';
import { codeForStatus, retryAfterSeconds } from './errors.js';

export const DEFAULT_TIMEOUT_MS = 15000;

export async function callServer(settings, path, {
  method = 'POST', body, timeoutMs = DEFAULT_TIMEOUT_MS, fetchImpl = globalThis.fetch,
} = {}) {
  const serverUrl = settings?.serverUrl ?? '';
  if (path.startsWith('/api/') && !settings?.apiKey) {
    return { ok: false, error: { code: 'no_api_key', serverUrl } };
  }
  const { url, init } = buildRequest(settings, path, { method, body });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response;
  let data = null;
  try {
    response = await fetchImpl(url, { ...init, signal: controller.signal });
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) {
      try {
        data = await response.json();
      } catch {
        data = null;
      }
    }
  } catch (err) {
    const code = controller.signal.aborted ? 'timeout' : 'server_unreachable';
    return { ok: false, error: { code, serverUrl } };
  } finally {
    clearTimeout(timer);
  }
  const code = codeForStatus(response.status, path);
  if (code) {
    return {
      ok: false,
      error: {
        code,
        status: response.status,
        serverUrl,
        serverMessage: typeof data?.message === 'string' ? data.message : undefined,
        retryAfter: retryAfterSeconds(response.headers.get('Retry-After')),
      },
    };
  }
  if (data === null || typeof data !== 'object') {
    return { ok: false, error: { code: 'invalid_response', status: response.status, serverUrl } };
  }
  return { ok: true, status: response.status, data };
}

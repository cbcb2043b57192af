// What went wrong, in words a moderator can act on. Codes come from the client (network, timeout,
// status) and the worker (no selection, page not scriptable); describeError maps each code to
// locale message keys (title + what to do) with substitutions.

export const ERROR_CODES = Object.freeze([
  'no_selection', 'too_large', 'server_unreachable', 'timeout', 'unauthorized', 'no_api_key',
  'rate_limited', 'bad_request', 'unsupported_media', 'server_error', 'unsupported_page',
  'capture_failed', 'tab_not_visible', 'hash_mismatch', 'permission_denied', 'invalid_response',
  'missing_post_url',
]);

/** Error code for an HTTP status from the piiscore server (null for success). */
export function codeForStatus(status, path = '') {
  if (status >= 200 && status < 300) return null;
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 413) return 'too_large';
  if (status === 415) return 'unsupported_media';
  if (status === 429) return 'rate_limited';
  if (status === 400 && path.endsWith('/evidence')) return 'hash_mismatch';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'server_error';
}

/** Seconds from a Retry-After header value (seconds or HTTP date), or null. */
export function retryAfterSeconds(value, now = Date.now()) {
  if (value == null || value === '') return null;
  if (/^\d+$/.test(String(value).trim())) return Number(value);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * {titleKey, hintKey, substitutions} for an error object {code, status?, serverMessage?,
 * retryAfter?, serverUrl?}. The server's own message (JSON "message") is shown as detail only for
 * 4xx input errors, where it says what to fix; it never contains the posted text.
 */
export function describeError(error) {
  const code = ERROR_CODES.includes(error?.code) ? error.code : 'server_error';
  const serverUrl = error?.serverUrl ?? '';
  let port = '8765';
  try {
    port = new URL(serverUrl).port || port;
  } catch { /* keep the default port */ }
  const subs = {
    server_unreachable: [serverUrl, port],
    timeout: [serverUrl],
    rate_limited: [String(error?.retryAfter ?? 30)],
    too_large: [String(error?.limit ?? '')],
  }[code] ?? [];
  return {
    code,
    titleKey: `err_${code}_title`,
    hintKey: `err_${code}_hint`,
    substitutions: subs,
    detail: code === 'bad_request' && typeof error?.serverMessage === 'string'
      ? error.serverMessage.slice(0, 300) : '',
  };
}

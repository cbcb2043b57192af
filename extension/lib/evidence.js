// Evidence capture helpers: decode the screenshot data URL, hash it with SHA-256 (WebCrypto,
// the same bytes that are sent), and stamp the capture time in UTC.

/** {mime, base64, bytes} from a "data:<mime>;base64,<data>" URL. */
export function decodeDataUrl(dataUrl) {
  const match = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]+={0,2})$/i.exec(String(dataUrl));
  if (!match) throw new Error('not a base64 data URL');
  const base64 = match[2];
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return { mime: match[1].toLowerCase(), base64, bytes };
}

/** Lower-case hex SHA-256 of bytes. */
export async function sha256Hex(bytes, subtle = globalThis.crypto.subtle) {
  const digest = await subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** ISO 8601 UTC timestamp with a Z suffix ("2026-11-28T19:04:05.123Z"). */
export function utcTimestamp(date = new Date()) {
  return date.toISOString();
}

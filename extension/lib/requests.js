// Request building for the piiscore server (DESIGN.md contract 3). Pure: returns {url, init}
// for fetch(); the API key only ever goes into the Authorization header.

/** Selections longer than this are refused before anything is sent (the server's limit is ~100 KB). */
export const MAX_SELECTION_CHARS = 20000;

/** Checks a selection before sending. Returns null when fine, else an error code. */
export function selectionProblem(text) {
  if (typeof text !== 'string' || text.trim() === '') return 'no_selection';
  if (text.length > MAX_SELECTION_CHARS) return 'too_large';
  return null;
}

function withoutEmpty(obj) {
  return Object.fromEntries(Object.entries(obj)
    .filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** {url, init} for a JSON call. `path` starts with "/". */
export function buildRequest(settings, path, { method = 'POST', body } = {}) {
  const base = String(settings?.serverUrl ?? '').replace(/\/+$/, '');
  const headers = { Accept: 'application/json' };
  if (settings?.apiKey && path.startsWith('/api/')) headers.Authorization = `Bearer ${settings.apiKey}`;
  const init = { method, headers, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return { url: `${base}${path}`, init };
}

export function scanBody({ text, postUrl, platform, language }) {
  return withoutEmpty({
    text,
    url: postUrl,
    platform: platform && platform !== 'other' ? platform : undefined,
    language: language && language !== 'auto' ? language : undefined,
  });
}

export const DRAFT_KINDS = Object.freeze(['dsa_notice', 'platform_report', 'gdpr_erasure', 'police_report']);

/**
 * /api/drafts body: the post and what the moderator knows about it. The server reads the case
 * details from `details` (url and platform also at the top level). `evidence` ({sha256,
 * capturedAt} of a saved screenshot) lets the draft cite the capture and its hash.
 */
export function draftBody({ text, kind, language, post, settings, evidence, threat }) {
  return withoutEmpty({
    text,
    kind,
    language,
    url: post?.postUrl,
    platform: post?.platform,
    details: withoutEmpty({
      url: post?.postUrl,
      platform: post?.platform,
      account_handle: post?.accountHandle,
      post_id: post?.postId,
      notifier_name: settings?.notifierName,
      notifier_email: settings?.notifierEmail,
      organisation: settings?.organisation,
      captured_at: evidence?.capturedAt,
      // the moderator's confirmation of a threat the scorer may have missed
      threat: threat === true ? true : undefined,
      evidence: evidence?.sha256
        ? [{ kind: 'screenshot', sha256: evidence.sha256, captured_at: evidence.capturedAt }] : undefined,
    }),
  });
}

export function caseBody({ text, post }) {
  return withoutEmpty({
    text,
    url: post?.postUrl,
    platform: post?.platform,
    account_handle: post?.accountHandle,
    post_id: post?.postId,
  });
}

export function evidenceBody({ base64, sha256, capturedAt, sourceUrl }) {
  return {
    kind: 'screenshot',
    content_base64: base64,
    sha256,
    captured_at: capturedAt,
    source_url: sourceUrl,
  };
}

// Platform, post permalink and author handle from URLs. Pure functions: the in-page collector
// (page-scripts.js) only gathers raw link candidates around the selection; all decisions are here.

export const PLATFORMS = Object.freeze(['x', 'facebook', 'instagram', 'tiktok', 'youtube',
  'telegram', 'reddit', 'linkedin', 'other']);

const HOSTS = [
  ['x', ['x.com', 'twitter.com']],
  ['facebook', ['facebook.com', 'fb.com', 'fb.watch']],
  ['instagram', ['instagram.com']],
  ['tiktok', ['tiktok.com']],
  ['youtube', ['youtube.com', 'youtu.be']],
  ['telegram', ['t.me', 'telegram.org', 'telegram.me']],
  ['reddit', ['reddit.com']],
  ['linkedin', ['linkedin.com']],
];

function toUrl(value, base) {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

function hostMatches(hostname, domain) {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

/** One of PLATFORMS for a page or link URL. */
export function detectPlatform(url) {
  const u = toUrl(url);
  if (!u || !/^https?:$/.test(u.protocol)) return 'other';
  const host = u.hostname.toLowerCase();
  for (const [platform, domains] of HOSTS) {
    if (domains.some((d) => hostMatches(host, d))) return platform;
  }
  return 'other';
}

// Paths on x.com that look like /<name> but are not accounts.
const X_RESERVED = new Set(['home', 'explore', 'search', 'notifications', 'messages', 'i',
  'settings', 'compose', 'login', 'logout', 'signup', 'tos', 'privacy', 'hashtag', 'intent',
  'share', 'account', 'jobs', 'lists', 'communities', 'premium']);
const X_HANDLE = /^[A-Za-z0-9_]{1,15}$/;

/** {handle, postId, url} for an X/Twitter status link, else null. */
export function parseXStatusUrl(url, base) {
  const u = toUrl(url, base);
  if (!u || detectPlatform(u.href) !== 'x') return null;
  const parts = u.pathname.split('/').filter(Boolean);
  // /<handle>/status/<id>[/photo/1|/analytics...]
  if (parts.length >= 3 && (parts[1] === 'status' || parts[1] === 'statuses')
      && /^\d{1,25}$/.test(parts[2]) && X_HANDLE.test(parts[0])
      && !X_RESERVED.has(parts[0].toLowerCase())) {
    return { handle: `@${parts[0]}`, postId: parts[2], url: `https://x.com/${parts[0]}/status/${parts[2]}` };
  }
  // /i/web/status/<id>, /i/status/<id>
  if (parts[0] === 'i') {
    const idx = parts.indexOf('status');
    if (idx > 0 && /^\d{1,25}$/.test(parts[idx + 1] ?? '')) {
      return { handle: null, postId: parts[idx + 1], url: `https://x.com/i/web/status/${parts[idx + 1]}` };
    }
  }
  return null;
}

/** "@handle" for an X profile link (https://x.com/handle), else null. */
export function parseXProfileUrl(url, base) {
  const u = toUrl(url, base);
  if (!u || detectPlatform(u.href) !== 'x') return null;
  const parts = u.pathname.split('/').filter(Boolean);
  if (parts.length !== 1 || !X_HANDLE.test(parts[0]) || X_RESERVED.has(parts[0].toLowerCase())) {
    return null;
  }
  return `@${parts[0]}`;
}

const FB_RESERVED = new Set(['home.php', 'watch', 'groups', 'events', 'marketplace', 'gaming',
  'notifications', 'messages', 'friends', 'bookmarks', 'settings', 'help', 'login', 'login.php',
  'pages', 'photo', 'photo.php', 'permalink.php', 'story.php', 'hashtag', 'search', 'reel',
  'stories', 'sharer', 'sharer.php', 'share', 'privacy', 'policies', 'ads', 'profile.php', 'l.php']);
const FB_NAME = /^[A-Za-z0-9.\-]{1,80}$/;
const FB_ID = /^(?:\d{1,25}|pfbid[0-9A-Za-z]{10,80})$/;

function fbUrl(path, params = {}) {
  const u = new URL(`https://www.facebook.com${path}`);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.href;
}

/**
 * {handle, postId, url} for a Facebook post permalink, else null. The returned url keeps only the
 * parameters that identify the post: Facebook adds tracking tokens (__cft__, __tn__) to links.
 */
export function parseFacebookPostUrl(url, base) {
  const u = toUrl(url, base);
  if (!u || detectPlatform(u.href) !== 'facebook') return null;
  const parts = u.pathname.split('/').filter(Boolean);
  const q = u.searchParams;
  if ((parts[0] === 'permalink.php' || parts[0] === 'story.php') && FB_ID.test(q.get('story_fbid') ?? '')) {
    const params = { story_fbid: q.get('story_fbid') };
    if (/^\d{1,25}$/.test(q.get('id') ?? '')) params.id = q.get('id');
    return { handle: null, postId: params.story_fbid, url: fbUrl(`/${parts[0]}`, params) };
  }
  if (parts[0] === 'groups' && parts.length >= 4 && (parts[2] === 'posts' || parts[2] === 'permalink')
      && FB_ID.test(parts[3])) {
    return { handle: null, postId: parts[3], url: fbUrl(`/groups/${parts[1]}/posts/${parts[3]}`) };
  }
  if ((parts[0] === 'photo' || parts[0] === 'photo.php') && /^\d{1,25}$/.test(q.get('fbid') ?? '')) {
    return { handle: null, postId: q.get('fbid'), url: fbUrl('/photo/', { fbid: q.get('fbid') }) };
  }
  if (parts.length >= 3 && (parts[1] === 'posts' || parts[1] === 'videos') && FB_NAME.test(parts[0])
      && !FB_RESERVED.has(parts[0].toLowerCase()) && FB_ID.test(parts[2])) {
    return { handle: parts[0], postId: parts[2], url: fbUrl(`/${parts[0]}/${parts[1]}/${parts[2]}`) };
  }
  return null;
}

/** Profile name (or "profile.php?id=N") for a Facebook profile link, else null. */
export function parseFacebookProfileUrl(url, base) {
  const u = toUrl(url, base);
  if (!u || detectPlatform(u.href) !== 'facebook') return null;
  const parts = u.pathname.split('/').filter(Boolean);
  if (parts[0] === 'profile.php' && /^\d{1,25}$/.test(u.searchParams.get('id') ?? '')) {
    return `profile.php?id=${u.searchParams.get('id')}`;
  }
  if (parts.length === 1 && FB_NAME.test(parts[0]) && !FB_RESERVED.has(parts[0].toLowerCase())) {
    return parts[0];
  }
  return null;
}

function parsePost(platform, href, base) {
  if (platform === 'x') return parseXStatusUrl(href, base);
  if (platform === 'facebook') return parseFacebookPostUrl(href, base);
  return null;
}

function parseProfile(platform, href, base) {
  if (platform === 'x') return parseXProfileUrl(href, base);
  if (platform === 'facebook') return parseFacebookProfileUrl(href, base);
  return null;
}

/**
 * Decide the post URL and author for a selection.
 * `collected`: {pageUrl, links: [{href, text, hasTime}]} where links are those of the post that
 * contains the selection, in document order (see page-scripts.js).
 * Returns {platform, postUrl, postId, accountHandle, source} with source one of
 * "permalink" (found in the post), "page" (the page is the post), "none" (ask the moderator).
 * Order: the link around the post's timestamp (its permalink on X and Facebook timelines), then
 * the page URL when it is a single-post page, then any other post link inside the post.
 */
export function resolvePostContext(collected) {
  const pageUrl = collected?.pageUrl ?? '';
  const platform = detectPlatform(pageUrl);
  const links = Array.isArray(collected?.links) ? collected.links : [];
  const result = { platform, postUrl: null, postId: null, accountHandle: null, source: 'none' };
  const firstPost = (candidates) => {
    for (const link of candidates) {
      const post = parsePost(platform, link.href, pageUrl);
      if (post) return post;
    }
    return null;
  };
  const candidates = [
    [firstPost(links.filter((l) => l.hasTime)), 'permalink'],
    [parsePost(platform, pageUrl), 'page'],
    [firstPost(links.filter((l) => !l.hasTime)), 'permalink'],
  ];
  const found = candidates.find(([post]) => post);
  if (found) {
    const [post, source] = found;
    Object.assign(result, { postUrl: post.url, postId: post.postId, accountHandle: post.handle, source });
  }
  if (!result.accountHandle) {
    for (const link of links) {
      const handle = parseProfile(platform, link.href, pageUrl);
      if (handle) {
        result.accountHandle = handle;
        break;
      }
    }
  }
  if (!result.postUrl && platform === 'other' && /^https?:/.test(pageUrl)) {
    result.postUrl = pageUrl;
    result.source = 'page';
  }
  return result;
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  detectPlatform, parseXStatusUrl, parseXProfileUrl, parseFacebookPostUrl, parseFacebookProfileUrl,
  resolvePostContext,
} from '../../lib/platform.js';

test('detectPlatform by host, including subdomains and the old names', () => {
  const cases = [
    ['https://x.com/home', 'x'], ['https://mobile.twitter.com/a/status/1', 'x'],
    ['https://www.facebook.com/groups/1', 'facebook'], ['https://m.facebook.com/story.php', 'facebook'],
    ['https://www.instagram.com/p/abc/', 'instagram'], ['https://www.tiktok.com/@a/video/1', 'tiktok'],
    ['https://youtu.be/abc', 'youtube'], ['https://t.me/kanaal/12', 'telegram'],
    ['https://old.reddit.com/r/x', 'reddit'], ['https://nl.linkedin.com/in/a', 'linkedin'],
    ['https://example.org/x.com', 'other'], ['https://notx.com/a', 'other'],
    ['https://x.com.evil.example/a/status/1', 'other'], ['file:///x.com', 'other'], ['not a url', 'other'],
  ];
  for (const [url, want] of cases) assert.equal(detectPlatform(url), want, url);
});

test('X status links give the canonical permalink, handle and id', () => {
  assert.deepEqual(parseXStatusUrl('https://x.com/JansenR_84/status/1790000000000000001?s=20'),
    { handle: '@JansenR_84', postId: '1790000000000000001', url: 'https://x.com/JansenR_84/status/1790000000000000001' });
  assert.deepEqual(parseXStatusUrl('/jansen/status/42/photo/1', 'https://x.com/home'),
    { handle: '@jansen', postId: '42', url: 'https://x.com/jansen/status/42' });
  assert.equal(parseXStatusUrl('https://twitter.com/i/web/status/77').postId, '77');
  assert.equal(parseXStatusUrl('https://twitter.com/i/web/status/77').handle, null);
});

test('X links that are not posts are refused', () => {
  for (const url of ['https://x.com/home', 'https://x.com/search?q=a', 'https://x.com/jansen',
    'https://x.com/explore/status/1', 'https://x.com/jansen/status/abc', 'https://example.org/a/status/1',
    'https://x.com/way_too_long_handle_name/status/1']) {
    assert.equal(parseXStatusUrl(url), null, url);
  }
});

test('X profile links give @handle, reserved paths do not', () => {
  assert.equal(parseXProfileUrl('/JansenR_84', 'https://x.com/home'), '@JansenR_84');
  assert.equal(parseXProfileUrl('https://x.com/home'), null);
  assert.equal(parseXProfileUrl('https://x.com/jansen/status/1'), null);
  assert.equal(parseXProfileUrl('https://x.com/hashtag/abc'), null);
});

test('Facebook post permalinks of every common shape, tracking parameters stripped', () => {
  assert.deepEqual(
    parseFacebookPostUrl('https://www.facebook.com/permalink.php?story_fbid=pfbid02AbCdEfGhIjKlMn&id=100012345678901&__cft__[0]=AZX&__tn__=%2CO%2CP-R'),
    { handle: null, postId: 'pfbid02AbCdEfGhIjKlMn',
      url: 'https://www.facebook.com/permalink.php?story_fbid=pfbid02AbCdEfGhIjKlMn&id=100012345678901' });
  assert.deepEqual(parseFacebookPostUrl('/opa.henk.71/posts/pfbid0abcdefghijklmnop?__cft__[0]=x', 'https://www.facebook.com/'),
    { handle: 'opa.henk.71', postId: 'pfbid0abcdefghijklmnop', url: 'https://www.facebook.com/opa.henk.71/posts/pfbid0abcdefghijklmnop' });
  assert.equal(parseFacebookPostUrl('https://m.facebook.com/story.php?story_fbid=123&id=456').postId, '123');
  assert.equal(parseFacebookPostUrl('https://www.facebook.com/groups/buurtapp/posts/987654321/').url,
    'https://www.facebook.com/groups/buurtapp/posts/987654321');
  assert.equal(parseFacebookPostUrl('https://www.facebook.com/photo/?fbid=555&set=a.1').url,
    'https://www.facebook.com/photo/?fbid=555');
});

test('Facebook non-post links are refused; profile links give the profile name', () => {
  for (const url of ['https://www.facebook.com/opa.henk.71', 'https://www.facebook.com/groups/buurtapp',
    'https://www.facebook.com/watch/posts/1', 'https://www.facebook.com/permalink.php?story_fbid=<script>']) {
    assert.equal(parseFacebookPostUrl(url), null, url);
  }
  assert.equal(parseFacebookProfileUrl('https://www.facebook.com/opa.henk.71?__tn__=-]K'), 'opa.henk.71');
  assert.equal(parseFacebookProfileUrl('https://www.facebook.com/profile.php?id=100012345678901'),
    'profile.php?id=100012345678901');
  assert.equal(parseFacebookProfileUrl('https://www.facebook.com/groups'), null);
  assert.equal(parseFacebookProfileUrl('https://www.facebook.com/opa.henk.71/posts/1'), null);
});

// Link lists as the in-page collector returns them for a post on a timeline.
const X_TIMELINE_POST = {
  pageUrl: 'https://x.com/home',
  links: [
    { href: 'https://x.com/JansenR_84', text: 'R. Jansen', hasTime: false },
    { href: 'https://x.com/JansenR_84', text: '@JansenR_84', hasTime: false },
    { href: 'https://x.com/JansenR_84/status/1790000000000000001', text: '2u', hasTime: true },
    { href: 'https://x.com/anderaccount/status/1700000000000000000', text: 'quoted', hasTime: false },
  ],
};

test('X timeline: permalink from the timestamp link, author from it', () => {
  assert.deepEqual(resolvePostContext(X_TIMELINE_POST), {
    platform: 'x', postUrl: 'https://x.com/JansenR_84/status/1790000000000000001',
    postId: '1790000000000000001', accountHandle: '@JansenR_84', source: 'permalink',
  });
});

test('X single-post page without a timestamp link: the page URL', () => {
  const got = resolvePostContext({ pageUrl: 'https://x.com/JansenR_84/status/5?s=46', links: [] });
  assert.equal(got.postUrl, 'https://x.com/JansenR_84/status/5');
  assert.equal(got.source, 'page');
  assert.equal(got.accountHandle, '@JansenR_84');
});

test('X reply on a single-post page: the reply permalink wins over the page', () => {
  const got = resolvePostContext({
    pageUrl: 'https://x.com/hoofd/status/1',
    links: [{ href: 'https://x.com/reageerder/status/2', text: '1u', hasTime: true }],
  });
  assert.equal(got.postUrl, 'https://x.com/reageerder/status/2');
  assert.equal(got.accountHandle, '@reageerder');
});

test('Facebook timeline: permalink without <time>, author from the profile link', () => {
  const got = resolvePostContext({
    pageUrl: 'https://www.facebook.com/',
    links: [
      { href: 'https://www.facebook.com/opa.henk.71?__cft__[0]=AZ', text: 'Henk de Vries', hasTime: false },
      { href: 'https://www.facebook.com/permalink.php?story_fbid=pfbid02AbCdEfGhIjKlMn&id=100012345678901&__cft__[0]=AZ',
        text: '3 u', hasTime: false },
    ],
  });
  assert.equal(got.platform, 'facebook');
  assert.equal(got.postUrl, 'https://www.facebook.com/permalink.php?story_fbid=pfbid02AbCdEfGhIjKlMn&id=100012345678901');
  assert.equal(got.accountHandle, 'opa.henk.71');
  assert.equal(got.source, 'permalink');
});

test('no permalink on a platform page: nothing invented, the moderator is asked', () => {
  const got = resolvePostContext({ pageUrl: 'https://x.com/home', links: [] });
  assert.equal(got.postUrl, null);
  assert.equal(got.source, 'none');
  assert.equal(resolvePostContext(undefined).source, 'none');
});

test('another site: the page address is the best URL there is', () => {
  const got = resolvePostContext({ pageUrl: 'https://forum.example/t/123', links: [] });
  assert.deepEqual([got.platform, got.postUrl, got.source], ['other', 'https://forum.example/t/123', 'page']);
});

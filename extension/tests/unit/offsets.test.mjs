import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointToUtf16, entityRangeUtf16, placeEntities, segmentText, countByType } from '../../lib/offsets.js';

// Fictitious post: an emoji (2 UTF-16 units, 1 code point) before the name.
const TEXT = '🚨 Sanne Bakker woont op Kerkstraat 12a 😡 bel 06-12345678';
const NAME_CP = { start: 2, end: 14 };            // code points
const NAME_U16 = { start: 3, end: 15 };           // UTF-16 units

test('code point offsets convert to UTF-16 across an emoji', () => {
  assert.equal(codePointToUtf16(TEXT, 0), 0);
  assert.equal(codePointToUtf16(TEXT, 1), 2);
  assert.equal(codePointToUtf16(TEXT, NAME_CP.start), NAME_U16.start);
  assert.equal(codePointToUtf16(TEXT, 10_000), TEXT.length);
});

test('start_utf16/end_utf16 are used when present, and select the name exactly', () => {
  const range = entityRangeUtf16(TEXT, { ...NAME_CP, start_utf16: 3, end_utf16: 15 });
  assert.deepEqual(range, NAME_U16);
  assert.equal(TEXT.slice(range.start, range.end), 'Sanne Bakker');
});

test('code point offsets alone would shift the mark by the emoji; the fallback converts them', () => {
  assert.notEqual(TEXT.slice(NAME_CP.start, NAME_CP.end), 'Sanne Bakker');
  const range = entityRangeUtf16(TEXT, NAME_CP);
  assert.equal(TEXT.slice(range.start, range.end), 'Sanne Bakker');
});

test('offsets after two emoji land on the phone number', () => {
  const cpStart = [...TEXT].indexOf('0');
  const range = entityRangeUtf16(TEXT, { start: cpStart, end: cpStart + 11 });
  assert.equal(TEXT.slice(range.start, range.end), '06-12345678');
});

test('a boundary inside a surrogate pair is widened, never splitting the emoji', () => {
  const range = entityRangeUtf16(TEXT, { start_utf16: 1, end_utf16: 8 });
  assert.equal(range.start, 0);
  const end = TEXT.indexOf('😡');
  const r2 = entityRangeUtf16(TEXT, { start_utf16: end - 1, end_utf16: end + 1 });
  assert.equal(TEXT.slice(r2.start, r2.end), ' 😡');
});

test('invalid or empty ranges are dropped, out-of-range ends clamped', () => {
  assert.equal(entityRangeUtf16(TEXT, { start_utf16: 5, end_utf16: 5 }), null);
  assert.equal(entityRangeUtf16(TEXT, { type: 'PERSON' }), null);
  assert.equal(entityRangeUtf16(TEXT, null), null);
  assert.deepEqual(entityRangeUtf16('abc', { start_utf16: 1, end_utf16: 99 }), { start: 1, end: 3 });
});

test('segments cover the whole text in order, with types and labels after each entity', () => {
  const entities = [
    { type: 'PERSON', start_utf16: 3, end_utf16: 15, score: 0.9 },
    { type: 'NL_ADDRESS', start_utf16: 25, end_utf16: 39, score: 0.9 },
  ];
  const segments = segmentText(TEXT, entities);
  assert.equal(segments.map((s) => s.text).join(''), TEXT);
  const name = segments.find((s) => s.types.includes('PERSON'));
  assert.equal(name.text, 'Sanne Bakker');
  assert.deepEqual(name.labelsAfter, ['PERSON']);
  const address = segments.find((s) => s.types.includes('NL_ADDRESS'));
  assert.equal(address.text, 'Kerkstraat 12a');
  assert.equal(segments.filter((s) => s.types.length === 0).every((s) => s.labelsAfter.length === 0), true);
});

test('overlapping entities split into segments that list both types', () => {
  const text = 'mail sanne.bakker@example.nl nu';
  const entities = [
    { type: 'EMAIL_ADDRESS', start_utf16: 5, end_utf16: 28 },
    { type: 'URL', start_utf16: 18, end_utf16: 28 },
  ];
  const segments = segmentText(text, entities);
  const both = segments.find((s) => s.types.length === 2);
  assert.equal(both.text, 'example.nl');
  assert.deepEqual(both.types.sort(), ['EMAIL_ADDRESS', 'URL']);
  assert.deepEqual(both.labelsAfter.sort(), ['EMAIL_ADDRESS', 'URL']);
});

test('placeEntities sorts in reading order and countByType counts per type', () => {
  const placed = placeEntities(TEXT, [
    { type: 'PHONE_NUMBER', start_utf16: TEXT.indexOf('06'), end_utf16: TEXT.length },
    { type: 'PERSON', start_utf16: 3, end_utf16: 15, obfuscated: true },
    { type: 'PERSON', start_utf16: 3, end_utf16: 8 },
  ]);
  assert.deepEqual(placed.map((e) => e.type), ['PERSON', 'PERSON', 'PHONE_NUMBER']);
  assert.equal(placed[0].obfuscated, true);
  assert.deepEqual(countByType(placed), [{ type: 'PERSON', count: 2 }, { type: 'PHONE_NUMBER', count: 1 }]);
});

// Offsets: the server counts Unicode code points (Python str); JavaScript counts UTF-16 units.
// An emoji before a name is 1 code point but 2 UTF-16 units, so code-point offsets would shift
// every mark after it. The server sends start_utf16/end_utf16; we use those, and fall back to
// converting code-point offsets only for an older server that lacks them.

/** UTF-16 index of code point index `cp` in `text` (clamped to the text). */
export function codePointToUtf16(text, cp) {
  let units = 0;
  let points = 0;
  while (points < cp && units < text.length) {
    const code = text.charCodeAt(units);
    units += code >= 0xd800 && code <= 0xdbff && units + 1 < text.length ? 2 : 1;
    points += 1;
  }
  return units;
}

function isHighSurrogate(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The [start, end) UTF-16 range of an entity in `text`, or null when the entity cannot be placed.
 * Never splits a surrogate pair: a boundary inside one is widened to the whole character.
 */
export function entityRangeUtf16(text, entity) {
  let start;
  let end;
  if (Number.isInteger(entity?.start_utf16) && Number.isInteger(entity?.end_utf16)) {
    start = entity.start_utf16;
    end = entity.end_utf16;
  } else if (Number.isInteger(entity?.start) && Number.isInteger(entity?.end)) {
    start = codePointToUtf16(text, entity.start);
    end = codePointToUtf16(text, entity.end);
  } else {
    return null;
  }
  start = Math.max(0, start);
  end = Math.min(text.length, end);
  if (start > 0 && start < text.length && isLowSurrogate(text.charCodeAt(start))
      && isHighSurrogate(text.charCodeAt(start - 1))) {
    start -= 1;
  }
  if (end > 0 && end < text.length && isLowSurrogate(text.charCodeAt(end))
      && isHighSurrogate(text.charCodeAt(end - 1))) {
    end += 1;
  }
  if (end <= start) return null;
  return { start, end };
}

/** Entities with their UTF-16 range and the text they cover, in reading order. */
export function placeEntities(text, entities) {
  const placed = [];
  for (const entity of Array.isArray(entities) ? entities : []) {
    const range = entityRangeUtf16(text, entity);
    if (!range) continue;
    placed.push({
      type: String(entity.type ?? 'OTHER'),
      score: typeof entity.score === 'number' ? entity.score : null,
      obfuscated: entity.obfuscated === true,
      start: range.start,
      end: range.end,
      text: text.slice(range.start, range.end),
    });
  }
  placed.sort((a, b) => a.start - b.start || b.end - a.end || a.type.localeCompare(b.type));
  return placed;
}

/**
 * Cut `text` into consecutive segments for display. Each segment lists the entity types covering
 * it (overlaps allowed) and `labelsAfter`: the types of entities that end exactly there, so the
 * view can put a text label right after each entity.
 */
export function segmentText(text, entities) {
  const placed = placeEntities(text, entities);
  const cuts = new Set([0, text.length]);
  for (const e of placed) {
    cuts.add(e.start);
    cuts.add(e.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i];
    const end = points[i + 1];
    const covering = placed.filter((e) => e.start <= start && e.end >= end);
    const types = [...new Set(covering.map((e) => e.type))];
    const labelsAfter = [...new Set(placed.filter((e) => e.end === end && e.start < end)
      .map((e) => e.type))];
    segments.push({ start, end, text: text.slice(start, end), types, labelsAfter });
  }
  return segments;
}

/** Count entities per type, for the legend, in first-seen order. */
export function countByType(placed) {
  const counts = new Map();
  for (const e of placed) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, count }));
}

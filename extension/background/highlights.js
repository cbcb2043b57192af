// In-page highlights, injected on demand into the scanned tab (activeTab + scripting). Used by
// the worker (after a scan) and the panel (marks off during the evidence screenshot).
import { highlightSpans, removeHighlights, afterNextPaint } from '../lib/page-scripts.js';
import { placeEntities } from '../lib/offsets.js';
import { kindInfo } from '../lib/entity-kinds.js';

/** Spans to mark in the page: the entity texts from the selection, with colour and label. */
export function pageSpans(text, entities) {
  return placeEntities(text, entities).map((e) => {
    const kind = kindInfo(e.type);
    return { text: e.text, type: e.type, color: kind.color, label: chrome.i18n.getMessage(kind.labelKey) || e.type };
  });
}

export async function showPageHighlights(current) {
  const spans = pageSpans(current.text, current.result?.entities);
  const target = { tabId: current.tabId, frameIds: [current.frameId ?? 0] };
  await chrome.scripting.executeScript({ target, func: removeHighlights, args: [true] });
  const [{ result }] = await chrome.scripting.executeScript({
    target,
    func: highlightSpans,
    args: [current.token, spans],
  });
  return result;
}

/** Remove the marks; `keepPost` keeps the post tag so showPageHighlights can mark it again. */
export async function clearPageHighlights(tabId, frameId = 0, { keepPost = false } = {}) {
  try {
    await chrome.scripting.executeScript({
      target: { tabId, frameIds: [frameId] }, func: removeHighlights, args: [keepPost],
    });
    await chrome.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, func: afterNextPaint });
  } catch {
    // The tab was closed or navigated away: nothing left to clean.
  }
}

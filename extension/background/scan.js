// The scan flow shared by the context menu, the keyboard command and the toolbar button:
// read the selection and its post from the tab, send it to the server, store the result for the
// side panel, and mark the found spans in the page.
import { collectSelection } from '../lib/page-scripts.js';
import { resolvePostContext } from '../lib/platform.js';
import { selectionProblem, scanBody, MAX_SELECTION_CHARS } from '../lib/requests.js';
import { callServer } from '../lib/client.js';
import { loadSettings } from '../lib/settings.js';
import { getCurrent, setCurrent, updateCurrent } from './state.js';
import { showPageHighlights, clearPageHighlights } from './highlights.js';

/**
 * Open the side panel. Must run before the first await of a user-gesture handler, or Chrome
 * refuses (the gesture is gone). Firefox has sidebarAction instead.
 */
export function openPanel(tab) {
  try {
    if (chrome.sidePanel?.open) {
      chrome.sidePanel.open({ tabId: tab.id }).catch(() => {});
    } else {
      globalThis.browser?.sidebarAction?.open?.().catch(() => {});
    }
  } catch {
    // No gesture (e.g. dispatched by a test) or no panel support: the stored state still shows
    // as soon as the panel is opened.
  }
}

async function readSelection(tab, frameId, token, fallbackText) {
  try {
    const [{ result }] = await chrome.scripting.executeScript({
      target: { tabId: tab.id, frameIds: [frameId] },
      func: collectSelection,
      args: [token],
    });
    if (result && (result.selection || !fallbackText)) return result;
  } catch {
    // Pages the extension may not script (chrome://, the web store, PDF viewer): fall back to
    // the context menu's selectionText when we have it.
    if (!fallbackText) return null;
  }
  return { selection: fallbackText, pageUrl: tab.url ?? '', links: [], container: 'none' };
}

/**
 * Run a scan for `tab`. `menuText` is the context menu's selectionText (absent for the command
 * and the toolbar button). Every step is written to storage.session for the panel; a newer scan
 * (another requestId) is never overwritten.
 */
export async function scanFromTab(tab, { menuText = '', frameId = 0, trigger = 'menu' } = {}) {
  const requestId = crypto.randomUUID();
  const token = crypto.randomUUID();
  const previous = await getCurrent();
  if (previous?.tabId != null && previous.tabId !== tab.id) await clearScan(previous);
  const base = {
    requestId, token, trigger, tabId: tab.id, windowId: tab.windowId, frameId,
    startedAt: new Date().toISOString(), state: 'reading',
  };
  await setCurrent(base);
  const collected = await readSelection(tab, frameId, token, menuText);
  if (!collected) {
    await updateCurrent(requestId, { state: 'error', error: { code: 'unsupported_page' } });
    return;
  }
  const text = collected.selection;
  const problem = selectionProblem(text);
  if (problem) {
    await updateCurrent(requestId, { state: 'error', error: { code: problem, limit: MAX_SELECTION_CHARS } });
    return;
  }
  const post = { ...resolvePostContext(collected), pageUrl: collected.pageUrl };
  await updateCurrent(requestId, { state: 'scanning', text, post });

  const settings = await loadSettings();
  const response = await callServer(settings, '/api/scan', {
    body: scanBody({ text, postUrl: post.postUrl, platform: post.platform }),
  });
  if (!response.ok) {
    await updateCurrent(requestId, { state: 'error', error: response.error });
  } else {
    await updateCurrent(requestId, { state: 'done', result: response.data, finishedAt: new Date().toISOString() });
    try {
      const marked = await showPageHighlights({ ...base, text, result: response.data });
      await updateCurrent(requestId, { pageMarks: marked });
    } catch {
      await updateCurrent(requestId, { pageMarks: -1 });
    }
  }
}

export async function clearScan(current) {
  if (current?.tabId != null) await clearPageHighlights(current.tabId, current.frameId ?? 0);
}

// The current scan lives in chrome.storage.session (memory only, not readable by content
// scripts), never in worker globals: the worker can be stopped at any time.

const KEY = 'current';

export async function getCurrent() {
  const { [KEY]: current } = await chrome.storage.session.get(KEY);
  return current ?? null;
}

export async function setCurrent(value) {
  await chrome.storage.session.set({ [KEY]: value });
}

/** Merge `patch` into the current scan, unless a newer scan (other requestId) replaced it. */
export async function updateCurrent(requestId, patch) {
  const current = await getCurrent();
  if (!current || current.requestId !== requestId) return false;
  await setCurrent({ ...current, ...patch });
  return true;
}

export async function restrictSessionStorage() {
  // TRUSTED_CONTEXTS is the default; setting it states the intent and guards against a change.
  await chrome.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}

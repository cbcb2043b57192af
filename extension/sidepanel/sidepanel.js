// Side panel: renders the current scan from chrome.storage.session and runs the moderator's
// follow-up actions (draft, case + screenshot). Writes with textContent only.
import { t, localizePage } from '../lib/i18n.js';
import { segmentText, placeEntities, countByType } from '../lib/offsets.js';
import { kindInfo, kindClass, riskStyle } from '../lib/entity-kinds.js';
import { describeError } from '../lib/errors.js';
import { callServer } from '../lib/client.js';
import { loadSettings } from '../lib/settings.js';
import { draftBody, caseBody, evidenceBody } from '../lib/requests.js';
import { draftClipboardText, safeChannelUrl, missingFieldKey, draftLanguage } from '../lib/drafts.js';
import { decodeDataUrl, sha256Hex, utcTimestamp } from '../lib/evidence.js';
import { PANEL_PORT } from '../lib/constants.js';
import { showPageHighlights, clearPageHighlights } from '../background/highlights.js';
import { getCurrent, updateCurrent } from '../background/state.js';

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'className') node.className = v;
    else if (k === 'style') node.style.cssText = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

function showError(error, { target = 'main' } = {}) {
  const d = describeError(error);
  if (target !== 'main') {
    return `${t(d.titleKey, d.substitutions)} ${t(d.hintKey, d.substitutions)}`;
  }
  $('error').hidden = false;
  $('error-title').textContent = t(d.titleKey, d.substitutions);
  $('error-hint').textContent = t(d.hintKey, d.substitutions);
  $('error-detail').hidden = !d.detail;
  $('error-detail').textContent = d.detail;
  $('error').dataset.code = d.code;
  $('error-options').hidden = !['unauthorized', 'no_api_key', 'server_unreachable', 'timeout']
    .includes(d.code);
  return null;
}

function renderRisk(score) {
  const level = score?.level ?? 'unknown';
  const style = riskStyle(level);
  $('risk-level').textContent = t(style.labelKey);
  $('risk-level').style.background = style.color;
  $('risk-box').dataset.level = level;
  $('risk-box').style.borderColor = style.color;
  $('risk-value').textContent = Number.isFinite(score?.value) ? t('riskValue', [String(score.value)]) : '';
  const flags = score?.flags ?? {};
  const chips = [];
  for (const flag of ['threat', 'call_to_action', 'obfuscation', 'watchlist_match']) {
    if (flags[flag] === true) chips.push(el('li', { className: 'on', 'data-flag': flag, text: t(`flag_${flag}`) }));
  }
  if (flags.target_role && flags.target_role !== 'none') {
    chips.push(el('li', { 'data-flag': 'target_role', text: t('flagTargetRole', [t(`role_${flags.target_role}`) || flags.target_role]) }));
  }
  $('flags').replaceChildren(...chips);
  $('reasons').replaceChildren(...(score?.reasons ?? [])
    .map((r) => el('li', { 'data-code': String(r.code ?? ''), text: String(r.message ?? r.code ?? '') })));
}

function renderText(text, entities) {
  const nodes = [];
  for (const seg of segmentText(text, entities)) {
    if (seg.types.length === 0) {
      nodes.push(document.createTextNode(seg.text));
    } else {
      const kind = kindInfo(seg.types[0]);
      const mark = el('mark', {
        // Short values (a name, a postcode) stay on one line so they read at a glance.
        className: `${kindClass(seg.types[0])}${seg.types.length > 1 ? ' multi' : ''}${seg.text.length <= 30 ? ' short' : ''}`,
        'data-types': seg.types.join(' '),
        title: seg.types.map((type) => t(kindInfo(type).labelKey)).join(' + '),
        style: `background:${kind.color}`,
        text: seg.text,
      });
      nodes.push(mark);
    }
    for (const type of seg.labelsAfter) {
      nodes.push(el('span', { className: 'tag', 'data-type': type, 'aria-hidden': 'false', text: t(kindInfo(type).labelKey) }));
    }
  }
  $('post-text').replaceChildren(...nodes);

  const placed = placeEntities(text, entities);
  $('legend').replaceChildren(...countByType(placed).map(({ type, count }) => {
    const values = [...new Set(placed.filter((e) => e.type === type).map((e) => e.text))];
    return el('li', { 'data-type': type }, [
      el('span', { className: 'swatch', style: `background:${kindInfo(type).color}` }),
      el('strong', { text: `${t(kindInfo(type).labelKey)} (${count})` }),
      el('span', { className: 'values', text: values.join(' · ') }),
    ]);
  }));
  if (placed.length === 0) $('legend').replaceChildren(el('li', { text: t('legendNone') }));
  return placed;
}

function renderPost(current) {
  const post = current.post ?? {};
  if (document.activeElement !== $('post-url')) $('post-url').value = current.edits?.postUrl ?? post.postUrl ?? '';
  if (document.activeElement !== $('account-handle')) {
    $('account-handle').value = current.edits?.accountHandle ?? post.accountHandle ?? '';
  }
  $('platform').textContent = post.platform ?? 'other';
  $('post-url-note').textContent = t(`postSource_${post.source ?? 'none'}`);
}

function renderDraft(draft) {
  $('draft').hidden = !draft;
  if (!draft) return;
  // Re-render only a new draft, so a storage change never overwrites the moderator's edits.
  const key = JSON.stringify(draft);
  if ($('draft').dataset.key === key) return;
  $('draft').dataset.key = key;
  $('draft-subject').value = draft.subject ?? '';
  $('draft-body').value = draft.body ?? '';
  const missing = Array.isArray(draft.missing) ? draft.missing : [];
  $('draft-missing').hidden = missing.length === 0;
  $('draft-missing-list').replaceChildren(...missing.map((field) => {
    const label = t(missingFieldKey(field));
    return el('li', { 'data-field': String(field), text: label === missingFieldKey(field) ? String(field) : label });
  }));
  const channel = draft.channel ?? {};
  const url = safeChannelUrl(channel.url);
  $('open-channel').hidden = !url;
  $('open-channel').dataset.url = url ?? '';
  // notes may be one string or a list of remarks.
  const notes = (Array.isArray(channel.notes) ? channel.notes : [channel.notes])
    .filter((n) => typeof n === 'string' && n.trim());
  $('channel').replaceChildren(
    el('strong', { text: String(channel.name ?? '') }),
    el('ul', {}, notes.map((n) => el('li', { text: n }))),
  );
}

function renderCase(info) {
  $('case-info').hidden = !info;
  if (!info) return;
  const rows = [
    ['caseId', String(info.id)],
    ['caseCaptured', info.capturedAt],
    ['caseSha', info.sha256],
    ['caseSource', info.sourceUrl],
  ];
  $('case-info').replaceChildren(...rows.flatMap(([key, value]) => [
    el('dt', { text: t(key) }), el('dd', { 'data-field': key, text: value ?? '' })]));
  $('case-status').textContent = t('caseSaved', [String(info.id)]);
  $('case-status').className = 'status small ok';
}

async function render() {
  // Every await comes before reading the state, and the drawing below is synchronous: a render
  // started earlier can never paint over the state a later one read.
  const settings = await loadSettings();
  const current = await getCurrent();
  $('error').hidden = true;
  if (!current) {
    $('result').hidden = true;
    $('status').textContent = t('panelIdle');
    $('status').dataset.state = 'idle';
    return;
  }
  $('status').dataset.state = current.state;
  if (current.state === 'reading' || current.state === 'scanning') {
    $('status').textContent = t('panelScanning');
    $('result').hidden = true;
    return;
  }
  if (current.state === 'error') {
    $('status').textContent = '';
    $('result').hidden = true;
    showError(current.error);
    return;
  }
  const result = current.result ?? {};
  $('status').textContent = t('panelDone', [String(result.entities?.length ?? 0)]);
  $('result').hidden = false;
  renderRisk(result.score);
  const placed = renderText(current.text ?? '', result.entities);
  const obfuscated = result.score?.flags?.obfuscation === true || placed.some((e) => e.obfuscated);
  $('obfuscation-note').hidden = !obfuscated;
  $('obfuscation-note').textContent = obfuscated ? t('obfuscationNote') : '';
  $('page-marks').textContent = current.pageMarks > 0 ? t('pageMarks', [String(current.pageMarks)])
    : current.pageMarks === -1 ? t('pageMarksFailed') : '';
  renderPost(current);
  if (!$('draft-language').dataset.touched) {
    $('draft-language').value = draftLanguage(settings.draftLanguage, result.language);
  }
  // the scorer's threat flag is the default; the moderator confirms or corrects it
  if (!$('draft-threat').dataset.touched) {
    $('draft-threat').checked = result.score?.flags?.threat === true;
  }
  renderDraft(current.draft);
  renderCaseState(current);
}

/** Case status from the stored state, so a late render never wipes a newer message. */
function renderCaseState(current) {
  const status = $('case-status');
  if (current.caseInfo) {
    renderCase(current.caseInfo);
    delete status.dataset.code;
    return;
  }
  $('case-info').hidden = true;
  if (current.caseError) {
    status.className = 'status small';
    status.dataset.code = current.caseError.code;
    status.textContent = showError(current.caseError, { target: 'inline' });
  } else if (!$('save-case').disabled) {
    status.textContent = '';
    delete status.dataset.code;
  }
}

function postFromForm(current) {
  const account = $('account-handle').value.trim();
  return {
    ...(current.post ?? {}),
    postUrl: $('post-url').value.trim(),
    accountHandle: account,
  };
}

async function makeDraft() {
  const current = await getCurrent();
  if (current?.state !== 'done') return;
  const button = $('make-draft');
  button.disabled = true;
  $('draft-status').textContent = t('draftWorking');
  try {
    const settings = await loadSettings();
    const response = await callServer(settings, '/api/drafts', {
      body: draftBody({
        text: current.text,
        kind: $('draft-kind').value,
        language: $('draft-language').value,
        post: postFromForm(current),
        settings,
        evidence: current.caseInfo,
        threat: $('draft-threat').checked,
      }),
    });
    if (!response.ok) {
      $('draft-status').textContent = showError(response.error, { target: 'inline' });
      return;
    }
    $('draft-status').textContent = '';
    await updateCurrent(current.requestId, { draft: response.data });
  } finally {
    button.disabled = false;
  }
}

async function copyDraft() {
  const text = draftClipboardText({ subject: $('draft-subject').value, body: $('draft-body').value },
    t('draftSubjectLabel'));
  try {
    await navigator.clipboard.writeText(text);
    $('draft-status').textContent = t('copied');
  } catch {
    // Clipboard API refused (panel not focused): select the text so Ctrl+C works.
    $('draft-body').select();
    $('draft-status').textContent = t('copyManually');
  }
}

async function saveCase() {
  const current = await getCurrent();
  if (current?.state !== 'done') return;
  const button = $('save-case');
  const status = $('case-status');
  status.className = 'status small';
  const fail = async (error) => {
    await updateCurrent(current.requestId, { caseError: error, caseInfo: null });
    renderCaseState(await getCurrent());
  };
  const post = postFromForm(current);
  if (!post.postUrl) {
    $('post-url').focus();
    await fail({ code: 'missing_post_url' });
    return;
  }
  button.disabled = true;
  await updateCurrent(current.requestId, { caseError: null });
  status.textContent = t('caseWorking');
  try {
    let tab;
    try {
      tab = await chrome.tabs.get(current.tabId);
    } catch {
      await fail({ code: 'tab_not_visible' });
      return;
    }
    if (!tab.active) {
      await fail({ code: 'tab_not_visible' });
      return;
    }
    // Evidence shows the page as the platform shows it: take our marks off for the capture.
    const hadMarks = current.pageMarks > 0;
    if (hadMarks) await clearPageHighlights(current.tabId, current.frameId ?? 0, { keepPost: true });
    let dataUrl;
    try {
      dataUrl = await chrome.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
    } catch {
      await fail({ code: 'capture_failed' });
      return;
    } finally {
      if (hadMarks) await showPageHighlights(current).catch(() => {});
    }
    const capturedAt = utcTimestamp();
    const { base64, bytes } = decodeDataUrl(dataUrl);
    const sha256 = await sha256Hex(bytes);
    const settings = await loadSettings();
    const created = await callServer(settings, '/api/cases', { body: caseBody({ text: current.text, post }) });
    if (!created.ok) {
      await fail(created.error);
      return;
    }
    const caseId = created.data.id;
    const sourceUrl = tab.url ?? current.post?.pageUrl ?? '';
    const evidence = await callServer(settings, `/api/cases/${encodeURIComponent(caseId)}/evidence`, {
      body: evidenceBody({ base64, sha256, capturedAt, sourceUrl }),
      timeoutMs: 60000,
    });
    if (!evidence.ok) {
      await fail(evidence.error);
      return;
    }
    await updateCurrent(current.requestId, {
      caseInfo: { id: caseId, sha256, capturedAt, sourceUrl }, caseError: null,
    });
  } finally {
    button.disabled = false;
  }
}

async function rememberEdits() {
  const current = await getCurrent();
  if (!current) return;
  await updateCurrent(current.requestId, {
    edits: { postUrl: $('post-url').value.trim(), accountHandle: $('account-handle').value.trim() },
  });
}

localizePage();
// Keeping this port open tells the worker the panel is visible; closing the panel removes the
// marks from the page.
chrome.runtime.connect({ name: PANEL_PORT });
$('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
$('error-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
$('make-draft').addEventListener('click', makeDraft);
$('copy-draft').addEventListener('click', copyDraft);
$('open-channel').addEventListener('click', () => {
  const url = safeChannelUrl($('open-channel').dataset.url);
  if (url) chrome.tabs.create({ url });
});
$('save-case').addEventListener('click', saveCase);
$('draft-language').addEventListener('change', () => { $('draft-language').dataset.touched = '1'; });
$('draft-threat').addEventListener('change', () => { $('draft-threat').dataset.touched = '1'; });
$('post-url').addEventListener('change', rememberEdits);
$('account-handle').addEventListener('change', rememberEdits);
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && changes.current) render();
});
render();

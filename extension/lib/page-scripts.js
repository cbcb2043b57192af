// Functions injected into the page with chrome.scripting.executeScript({func}). Each must be
// self-contained (executeScript serialises the function source: no imports, no outer variables).
// They only read the selection and add/remove <mark> elements; all decisions are made in the
// extension (platform.js), and nothing is stored in the page beyond the marks themselves.

/**
 * The selected text, the page URL, and the links of the post that contains the selection (for
 * the permalink and author). Tags that post with a random token so highlights can find it later.
 */
export function collectSelection(token) {
  const selection = window.getSelection();
  const text = selection ? selection.toString() : '';
  const result = { selection: text, pageUrl: location.href, links: [], container: 'none' };
  if (!selection || selection.rangeCount === 0 || text.trim() === '') return result;
  const range = selection.getRangeAt(0);
  let node = range.commonAncestorContainer;
  if (node.nodeType !== Node.ELEMENT_NODE) node = node.parentElement;
  if (!node) return result;
  // X: <article data-testid="tweet">; Facebook: role="article"; elsewhere: <article> or the
  // nearest block that holds the whole selection.
  let post = node.closest('article, [role="article"], [data-testid="tweet"]');
  result.container = post ? 'post' : 'block';
  if (!post) post = node.closest('p, li, blockquote, div, section, main, body') || document.body;
  for (const old of document.querySelectorAll('[data-piiscore-post]')) {
    old.removeAttribute('data-piiscore-post');
  }
  post.setAttribute('data-piiscore-post', token);
  for (const a of post.querySelectorAll('a[href]')) {
    if (result.links.length >= 60) break;
    result.links.push({
      href: a.href,
      text: (a.textContent || '').trim().slice(0, 80),
      hasTime: Boolean(a.querySelector('time') || a.closest('time')),
    });
  }
  return result;
}

/**
 * Wrap each span's text inside the tagged post in <mark>, with a text label after it.
 * spans: [{text, type, label, color}] in reading order. Returns how many spans were marked.
 */
export function highlightSpans(token, spans) {
  // Earlier marks are removed first by removeHighlights(true) (see background/highlights.js).
  const ATTR = 'data-piiscore-mark';
  const root = document.querySelector(`[data-piiscore-post="${CSS.escape(token)}"]`);
  if (!root) return 0;

  function textMap() {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement && n.parentElement.closest(`[${ATTR}="label"], script, style`)
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes = [];
    let full = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start: full.length });
      full += n.data;
    }
    return { nodes, full };
  }

  function find(full, needle, from) {
    let at = full.indexOf(needle, from);
    if (at < 0) at = full.indexOf(needle);
    if (at >= 0) return { start: at, end: at + needle.length };
    // The selection's text may differ from the DOM's in whitespace (line breaks between blocks).
    const pattern = needle.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
    if (!pattern) return null;
    const m = new RegExp(pattern).exec(full);
    return m ? { start: m.index, end: m.index + m[0].length } : null;
  }

  const taken = [];
  let from = 0;
  let marked = 0;
  for (const span of spans) {
    const { nodes, full } = textMap();
    const hit = find(full, span.text, from);
    if (!hit || taken.some((r) => hit.start < r.end && r.start < hit.end)) continue;
    taken.push(hit);
    from = hit.end;
    let lastMark = null;
    for (const { node, start } of nodes) {
      const end = start + node.data.length;
      if (end <= hit.start || start >= hit.end) continue;
      let target = node;
      const localStart = Math.max(0, hit.start - start);
      const localEnd = Math.min(node.data.length, hit.end - start);
      if (localEnd < target.data.length) target.splitText(localEnd);
      if (localStart > 0) target = target.splitText(localStart);
      const mark = document.createElement('mark');
      mark.setAttribute(ATTR, span.type);
      mark.title = span.label;
      mark.style.cssText = `background:${span.color};color:#000;padding:0 2px;border-radius:3px;`
        + `outline:2px solid #000;outline-offset:0;${span.text.length <= 40 ? 'white-space:nowrap;' : ''}`;
      target.parentNode.insertBefore(mark, target);
      mark.appendChild(target);
      lastMark = mark;
    }
    if (lastMark) {
      const tag = document.createElement('span');
      tag.setAttribute(ATTR, 'label');
      tag.textContent = span.label;
      tag.style.cssText = 'font:bold 11px/1.2 system-ui,sans-serif;background:#000;color:#fff;'
        + 'padding:1px 4px;margin:0 3px 0 2px;border-radius:3px;user-select:none;'
        + 'vertical-align:middle;white-space:nowrap;';
      lastMark.after(tag);
      marked += 1;
    }
  }
  // The browser's blue selection would hide the colours: the selection has done its job.
  const selection = window.getSelection();
  if (marked > 0 && selection && selection.anchorNode && root.contains(selection.anchorNode)) {
    selection.removeAllRanges();
  }
  return marked;
}

/**
 * Remove every mark and label this extension added, and (unless keepPost) the post tag.
 * Returns how many marks were removed.
 */
export function removeHighlights(keepPost) {
  const ATTR = 'data-piiscore-mark';
  for (const el of document.querySelectorAll(`[${ATTR}="label"]`)) el.remove();
  const marks = [...document.querySelectorAll(`mark[${ATTR}]`)];
  for (const el of marks) {
    const parent = el.parentNode;
    while (el.firstChild) parent.insertBefore(el.firstChild, el);
    parent.removeChild(el);
    parent.normalize();
  }
  if (!keepPost) {
    for (const el of document.querySelectorAll('[data-piiscore-post]')) {
      el.removeAttribute('data-piiscore-post');
    }
  }
  return marks.length;
}

/** Resolves after the page has painted twice (so a capture shows the DOM as it is now). */
export function afterNextPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
    setTimeout(() => resolve(false), 500); // rAF does not run in hidden tabs
  });
}

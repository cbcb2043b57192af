// Draft display helpers: the text that goes to the clipboard, the report channel link, and
// labels for the missing fields the server lists.

/** Plain text for the clipboard: subject line, blank line, body (as edited by the moderator). */
export function draftClipboardText({ subject, body }, subjectLabel = 'Subject') {
  const s = String(subject ?? '').trim();
  const b = String(body ?? '').replace(/\r\n/g, '\n').replace(/\s+$/, '');
  return s ? `${subjectLabel}: ${s}\n\n${b}\n` : `${b}\n`;
}

/** The channel URL when it is safe to open in a tab (http/https only), else null. */
export function safeChannelUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Locale key for a missing field name ("notifier_name" -> "missing_notifier_name"). */
export function missingFieldKey(field) {
  return `missing_${String(field).replace(/[^a-z0-9_]/gi, '_')}`;
}

/** Which settings fill a missing field, so the panel can point to the options page. */
export const FIELD_IN_OPTIONS = Object.freeze({
  notifier_name: true, notifier_email: true, organisation: true,
});

/** Draft language: the moderator's default, or the post's language when set to "auto". */
export function draftLanguage(settingLanguage, postLanguage) {
  if (settingLanguage === 'nl' || settingLanguage === 'en') return settingLanguage;
  return postLanguage === 'en' ? 'en' : 'nl';
}

// Locale strings through chrome.i18n (the browser's language, _locales/nl or _locales/en).

export function t(key, substitutions) {
  const text = globalThis.chrome?.i18n?.getMessage(key, substitutions);
  return text || key;
}

/** Fill every [data-i18n], [data-i18n-placeholder], [data-i18n-title] element of a page. */
export function localizePage(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  const lang = globalThis.chrome?.i18n?.getUILanguage?.() ?? 'en';
  root.documentElement.lang = lang.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

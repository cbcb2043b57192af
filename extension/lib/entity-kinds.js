// Display data for the entity types of the server contract (DESIGN.md, "Entity types").
// Every kind has a background colour AND a short text label, so a mark is readable without colour.
// Colours are light enough for black text (contrast >= 7:1) and grouped by how they expose someone:
// red/orange = locating or contact data, purple = identity numbers, blue/green = names and context.

export const ENTITY_KINDS = Object.freeze({
  PERSON: { color: '#bcd7ff', labelKey: 'kindPERSON', group: 'name' },
  NL_ADDRESS: { color: '#ffb3a7', labelKey: 'kindNL_ADDRESS', group: 'locating' },
  NL_POSTCODE: { color: '#ffc98f', labelKey: 'kindNL_POSTCODE', group: 'locating' },
  LOCATION: { color: '#ffe08a', labelKey: 'kindLOCATION', group: 'locating' },
  PHONE_NUMBER: { color: '#ff9ec7', labelKey: 'kindPHONE_NUMBER', group: 'contact' },
  EMAIL_ADDRESS: { color: '#f7b6ff', labelKey: 'kindEMAIL_ADDRESS', group: 'contact' },
  SOCIAL_HANDLE: { color: '#c9f2ff', labelKey: 'kindSOCIAL_HANDLE', group: 'contact' },
  URL: { color: '#d9e1e8', labelKey: 'kindURL', group: 'contact' },
  IP_ADDRESS: { color: '#ffd1b3', labelKey: 'kindIP_ADDRESS', group: 'locating' },
  NL_LICENSE_PLATE: { color: '#fff3a0', labelKey: 'kindNL_LICENSE_PLATE', group: 'locating' },
  IBAN_CODE: { color: '#d7c4ff', labelKey: 'kindIBAN_CODE', group: 'identity' },
  NL_BSN: { color: '#cdb3ff', labelKey: 'kindNL_BSN', group: 'identity' },
  NL_ID_DOCUMENT: { color: '#e0ccff', labelKey: 'kindNL_ID_DOCUMENT', group: 'identity' },
  NL_KVK: { color: '#e6e0f5', labelKey: 'kindNL_KVK', group: 'identity' },
  CREDIT_CARD: { color: '#d1b3f0', labelKey: 'kindCREDIT_CARD', group: 'identity' },
  DATE_OF_BIRTH: { color: '#b8f0c8', labelKey: 'kindDATE_OF_BIRTH', group: 'identity' },
  DATE_TIME: { color: '#dff5e3', labelKey: 'kindDATE_TIME', group: 'context' },
  ORGANIZATION: { color: '#c2f0e8', labelKey: 'kindORGANIZATION', group: 'context' },
});

const UNKNOWN_KIND = Object.freeze({ color: '#e8e8e8', labelKey: 'kindOTHER', group: 'context' });

/** Display data for a type; unknown types (a newer server) still get a neutral mark. */
export function kindInfo(type) {
  return Object.hasOwn(ENTITY_KINDS, type) ? ENTITY_KINDS[type] : UNKNOWN_KIND;
}

/** CSS-safe class suffix for a type name (server data never reaches a selector unescaped). */
export function kindClass(type) {
  return `kind-${String(type).replace(/[^A-Za-z0-9_]/g, '_')}`;
}

export const RISK_LEVELS = Object.freeze(['none', 'low', 'medium', 'high', 'critical']);

export const RISK_STYLE = Object.freeze({
  none: { color: '#2e7d32', labelKey: 'riskNone' },
  low: { color: '#558b2f', labelKey: 'riskLow' },
  medium: { color: '#b26a00', labelKey: 'riskMedium' },
  high: { color: '#c62828', labelKey: 'riskHigh' },
  critical: { color: '#7b0000', labelKey: 'riskCritical' },
});

export function riskStyle(level) {
  return Object.hasOwn(RISK_STYLE, level) ? RISK_STYLE[level] : { color: '#555555', labelKey: 'riskUnknown' };
}

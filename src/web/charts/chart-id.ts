/**
 * Ids for charts. Every chart prefixes the ids inside it (its <title> and <desc>) with its own id, so two charts on
 * one page must have different ids; chartId builds one from a readable prefix and any key (an indicator, a
 * breakdown name), adding a short hash of the key so that keys differing only in punctuation or case still differ.
 */

/** A valid HTML id that is also safe unescaped in CSS selectors and URL fragments. */
export const CHART_ID_PATTERN = /^[a-z][a-z0-9-]*$/;

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** FNV-1a, 32-bit: a stable short hash, not for security. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/**
 * chartId('wres2', 'Asian or Asian British') → "wres2-asian-or-asian-british-<hash>". The result matches
 * CHART_ID_PATTERN, is at most about 60 characters, and is the same for the same arguments.
 */
export function chartId(prefix: string, key: string): string {
  const head = slug(prefix) || 'chart';
  const start = /^[a-z]/.test(head) ? head : `chart-${head}`;
  const middle = slug(key).slice(0, 32).replace(/-+$/, '');
  return [start.slice(0, 20).replace(/-+$/, ''), middle, hash(`${prefix}\u0000${key}`)].filter((part) => part !== '').join('-');
}

export function assertChartId(id: string): void {
  if (!CHART_ID_PATTERN.test(id)) {
    throw new RangeError(`Chart id "${id}" must start with a lower-case letter and contain only a-z, 0-9 and "-"; use chartId()`);
  }
}

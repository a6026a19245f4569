/**
 * The visible text of an HTML page, for goldens of pages whose markup carries a fresh CSP nonce and CSRF token on
 * every response. Scripts, styles and comments are dropped, and every tag with its attributes (so every nonce,
 * token, id and class); text inside inline elements stays joined as a reader sees it, other elements start a new
 * line; character references are decoded and whitespace is collapsed. Chart text (SVG titles, labels) is kept.
 */

/** Elements that do not break a line: their text runs on with the text around them. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small',
  'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'tspan',
]);

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', times: '×',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', pound: '£', minus: '−', le: '≤', ge: '≥', middot: '·',
};

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return String.fromCodePoint(code);
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

export function visibleText(html: string): string {
  const withoutHidden = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!doctype[^>]*>/gi, '')
    .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  const broken = withoutHidden.replace(/<\/?([a-zA-Z][\w:-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g, (_tag, name: string) =>
    (INLINE.has(name.toLowerCase()) ? '' : '\n'));
  return `${decode(broken)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')}\n`;
}

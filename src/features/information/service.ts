/**
 * The information pages' one use-case: the methodology as HTML, rendered from docs/methodology.md so that the page
 * and the document can never differ.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';

const here = dirname(fileURLToPath(import.meta.url));
const DOCS = join(here, '..', '..', '..', 'docs');

/** One entry of the methodology's contents: a second-level heading and its anchor. */
export interface ContentsEntry {
  readonly id: string;
  readonly text: string;
}

export interface Methodology {
  readonly html: string;
  readonly contents: readonly ContentsEntry[];
}

function slug(text: string, taken: Set<string>): string {
  const base = text.toLowerCase().replace(/&[a-z#0-9]+;/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'section';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Markdown to HTML with the design system's table classes; the source is our own repository file, not user input.
 * Each second-level heading gets an anchor and an entry in the contents. Each table sits in the design system's
 * scroll region, named by the heading above it, so a wide table scrolls within itself on a phone instead of
 * widening the page.
 */
export function renderMethodology(markdown: string): Methodology {
  const marked = new Marked({ gfm: true });
  const html = marked.parse(markdown, { async: false }).replace(/<h1>[^<]*<\/h1>/, '');
  const contents: ContentsEntry[] = [];
  const taken = new Set<string>();
  let heading = 'How the figures are calculated';
  const out = html.replace(/<h([2-6])>([\s\S]*?)<\/h\1>|<table>([\s\S]*?)<\/table>/g, (_match, level: string | undefined, headingHtml: string | undefined, body: string | undefined) => {
    if (headingHtml !== undefined) {
      heading = headingHtml.replace(/<[^>]+>/g, '').replace(/"/g, '&quot;');
      if (level !== '2') return `<h${level}>${headingHtml}</h${level}>`;
      const id = slug(heading, taken);
      contents.push({ id, text: headingHtml.replace(/<[^>]+>/g, '') });
      return `<h2 id="${id}">${headingHtml}</h2>`;
    }
    return `<div class="nhsuk-scroll" data-module="nhsuk-scroll"><div class="nhsuk-scroll__content" role="region" aria-label="Table: ${heading}">`
      + `<table class="nhsuk-table">${body}</table></div></div>`;
  });
  return { html: out, contents };
}

/** docs/methodology.md as the methodology page's HTML and contents. */
export function methodology(): Methodology {
  return renderMethodology(readFileSync(join(DOCS, 'methodology.md'), 'utf8'));
}

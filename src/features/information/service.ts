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

/**
 * Markdown to HTML with the design system's table classes; the source is our own repository file, not user input.
 * Each table sits in the design system's scroll region, named by the heading above it, so a wide table scrolls
 * within itself on a phone instead of widening the page.
 */
export function renderMethodology(markdown: string): string {
  const marked = new Marked({ gfm: true });
  const html = marked.parse(markdown, { async: false }).replace(/<h1>[^<]*<\/h1>/, '');
  let heading = 'How the figures are calculated';
  return html.replace(/<h[2-6][^>]*>([\s\S]*?)<\/h[2-6]>|<table>([\s\S]*?)<\/table>/g, (match, headingHtml: string | undefined, body: string | undefined) => {
    if (headingHtml !== undefined) {
      heading = headingHtml.replace(/<[^>]+>/g, '').replace(/"/g, '&quot;');
      return match;
    }
    return `<div class="nhsuk-scroll" data-module="nhsuk-scroll"><div class="nhsuk-scroll__content" role="region" aria-label="Table: ${heading}">`
      + `<table class="nhsuk-table">${body}</table></div></div>`;
  });
}

/** docs/methodology.md as the methodology page's HTML. */
export function methodologyHtml(): string {
  return renderMethodology(readFileSync(join(DOCS, 'methodology.md'), 'utf8'));
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMethodology } from './service.ts';

test('the methodology drops its top heading and puts each table in a scroll region named by the heading above it', () => {
  const html = renderMethodology('# Title\n\n## Pay "gaps"\n\ntext\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n### Catalogue\n\n| c |\n|---|\n| 3 |\n');
  assert.doesNotMatch(html, /<h1>/);
  const regions = [...html.matchAll(/<div class="nhsuk-scroll__content" role="region" aria-label="([^"]*)"><table class="nhsuk-table">/g)].map((m) => m[1]);
  assert.deepEqual(regions, ['Table: Pay &quot;gaps&quot;', 'Table: Catalogue']);
  assert.equal((html.match(/<\/table><\/div><\/div>/g) ?? []).length, 2);
});

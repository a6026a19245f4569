import assert from 'node:assert/strict';
import { test } from 'node:test';
import { methodology, renderMethodology } from './service.ts';

test('the methodology drops its top heading, anchors each second-level heading in the contents, and puts each table in a scroll region named by the heading above it', () => {
  const { html, contents } = renderMethodology('# Title\n\n## Pay "gaps"\n\ntext\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n### Catalogue\n\n| c |\n|---|\n| 3 |\n\n## Pay "gaps"\n');
  assert.doesNotMatch(html, /<h1>/);
  assert.deepEqual(contents, [{ id: 'pay-gaps', text: 'Pay &quot;gaps&quot;' }, { id: 'pay-gaps-2', text: 'Pay &quot;gaps&quot;' }]);
  assert.match(html, /<h2 id="pay-gaps">Pay &quot;gaps&quot;<\/h2>/);
  assert.match(html, /<h3>Catalogue<\/h3>/);
  const regions = [...html.matchAll(/<div class="nhsuk-scroll__content" role="region" aria-label="([^"]*)"><table class="nhsuk-table">/g)].map((m) => m[1]);
  assert.deepEqual(regions, ['Table: Pay &quot;gaps&quot;', 'Table: Catalogue']);
  assert.equal((html.match(/<\/table><\/div><\/div>/g) ?? []).length, 2);
});

test("docs/methodology.md has a contents entry for every second-level heading, each anchor unique", () => {
  const { html, contents } = methodology();
  assert.ok(contents.length > 10, `${contents.length} entries`);
  assert.equal(new Set(contents.map((c) => c.id)).size, contents.length);
  for (const entry of contents) assert.ok(html.includes(`<h2 id="${entry.id}">`), entry.id);
});

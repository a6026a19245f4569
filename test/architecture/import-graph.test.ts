/**
 * The architecture checks on small made-up graphs: each finds the cycle or breach planted in it, so the
 * architecture test can fail.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findCycles, type ImportEdge, oversizedFiles, parseImports, resolveSpecifier } from './import-graph.ts';
import { compareWithKnown, featureServiceReachViolations, describe as describeViolation, layerOf, layerViolations, RULES } from './layers.ts';

function edge(from: string, to: string, typeOnly = false): ImportEdge {
  return { from, to, specifier: to, line: 1, typeOnly };
}

describe('parseImports', () => {
  test('finds static, type-only, re-exported, side-effect and dynamic imports, and skips comments', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      'import {',
      '  c,',
      '  d,',
      "} from './cd.ts';",
      "export { e } from './e.ts';",
      "export type { F } from './f.ts';",
      "import './side-effect.ts';",
      "// import { commented } from './commented.ts';",
      '/* import { blocked } from "./blocked.ts"; */',
      // Split so that this file's own dynamic imports are not read as imports of ./g.ts and ./h.ts.
      "const g = await import" + "('./g.ts');",
      "type H = typeof import" + "('./h.ts');",
      "const text = 'it comes from \"somewhere\"';",
    ].join('\n');
    assert.deepEqual(parseImports(source), [
      { specifier: './a.ts', line: 1, typeOnly: false },
      { specifier: './b.ts', line: 2, typeOnly: true },
      { specifier: './cd.ts', line: 3, typeOnly: false },
      { specifier: './e.ts', line: 7, typeOnly: false },
      { specifier: './f.ts', line: 8, typeOnly: true },
      { specifier: './side-effect.ts', line: 9, typeOnly: false },
      { specifier: './g.ts', line: 12, typeOnly: false },
      { specifier: './h.ts', line: 13, typeOnly: true },
    ]);
  });

  test('resolves a relative specifier against the importing file, `.js` naming a `.ts` file', () => {
    const files = new Set(['src/core/a.ts', 'src/web/b.ts']);
    const exists = (path: string) => files.has(path);
    assert.equal(resolveSpecifier('src/web/x.ts', '../core/a.js', exists), 'src/core/a.ts');
    assert.equal(resolveSpecifier('src/web/x.ts', './b.ts', exists), 'src/web/b.ts');
    assert.equal(resolveSpecifier('src/web/x.ts', 'fastify', exists), 'fastify');
  });
});

describe('findCycles', () => {
  test('finds a cycle through a type-only import and leaves an acyclic graph alone', () => {
    const graph = [
      edge('src/core/a.ts', 'src/core/b.ts'),
      edge('src/core/b.ts', 'src/core/c.ts'),
      edge('src/core/c.ts', 'src/core/a.ts', true),
      edge('src/core/c.ts', 'src/core/d.ts'),
      edge('src/core/d.ts', 'node:fs'),
    ];
    assert.deepEqual(findCycles(graph), [['src/core/a.ts', 'src/core/b.ts', 'src/core/c.ts', 'src/core/a.ts']]);
    assert.deepEqual(findCycles(graph.filter((e) => !e.typeOnly)), []);
  });

  test('a file importing itself is a cycle', () => {
    assert.deepEqual(findCycles([edge('src/core/a.ts', 'src/core/a.ts')]), [['src/core/a.ts', 'src/core/a.ts']]);
  });
});

describe('layer rules', () => {
  test('places files in their layers', () => {
    assert.equal(layerOf('src/core/stats/ci.ts'), 'core');
    assert.equal(layerOf('src/features/standards/routes.ts'), 'route');
    assert.equal(layerOf('src/features/standards/service.ts'), 'featureService');
    assert.equal(layerOf('src/features/objectives/comply-service.ts'), 'featureService');
    assert.equal(layerOf('src/features/wres/presenters.ts'), 'feature');
    assert.equal(layerOf('src/web/routes/old.ts'), 'route');
    assert.equal(layerOf('src/web/app.ts'), 'web');
    assert.equal(layerOf('fastify'), null);
  });

  test('each breach is named with its file, import and rule; allowed imports and tests pass', () => {
    const graph = [
      edge('src/core/a.ts', 'src/store/store.ts'),
      edge('src/ingest/b.ts', 'src/store/store.ts'),
      edge('src/services/c.ts', 'src/web/auth/tokens.ts'),
      edge('src/features/f/service.ts', 'src/web/render.ts'),
      edge('src/features/f/service.ts', 'src/features/g/presenters.ts'),
      edge('src/features/f/presenters.ts', 'src/web/app.ts'),
      edge('src/features/f/presenters.ts', 'src/features/g/routes.ts'),
      edge('src/features/f/routes.ts', 'src/web/routes/old.ts'),
      edge('src/features/f/routes.ts', 'src/store/store.ts'),
      edge('src/web/app.ts', 'src/cli/main.ts'),
      edge('src/cli/main.ts', 'src/web/render.ts'),
      // Allowed:
      edge('src/features/f/routes.ts', 'src/store/store.ts', true),
      edge('src/features/f/routes.ts', 'src/features/f/service.ts'),
      edge('src/features/f/service.ts', 'src/features/f/words.ts'),
      edge('src/features/f/service.ts', 'src/features/g/service.ts'),
      edge('src/features/f/presenters.ts', 'src/web/charts/index.ts'),
      edge('src/cli/main.ts', 'src/web/server.ts'),
      edge('src/web/app.ts', 'src/features/f/routes.ts'),
      edge('src/core/a.test.ts', 'src/store/store.ts'),
      edge('src/core/a.ts', 'node:path'),
    ];
    assert.deepEqual(layerViolations(graph).map(describeViolation), [
      `src/core/a.ts:1 imports src/store/store.ts: ${RULES.core}`,
      `src/ingest/b.ts:1 imports src/store/store.ts: ${RULES.bottom}`,
      `src/services/c.ts:1 imports src/web/auth/tokens.ts: ${RULES.servicesNoWeb}`,
      `src/features/f/service.ts:1 imports src/web/render.ts: ${RULES.featureService}`,
      `src/features/f/service.ts:1 imports src/features/g/presenters.ts: ${RULES.featureService}`,
      `src/features/f/presenters.ts:1 imports src/web/app.ts: ${RULES.feature}`,
      `src/features/f/presenters.ts:1 imports src/features/g/routes.ts: ${RULES.feature}`,
      `src/features/f/routes.ts:1 imports src/web/routes/old.ts: ${RULES.routeToRoute}`,
      `src/features/f/routes.ts:1 imports src/store/store.ts: ${RULES.routeStoreTypes}`,
      `src/web/app.ts:1 imports src/cli/main.ts: ${RULES.webNoCli}`,
      `src/cli/main.ts:1 imports src/web/render.ts: ${RULES.cliWeb}`,
    ]);
  });

  test('known violations excuse exactly themselves, and one that no longer occurs is reported', () => {
    const found = layerViolations([edge('src/core/a.ts', 'src/store/store.ts'), edge('src/core/b.ts', 'src/ingest/x.ts')]);
    const known = [
      { file: 'src/core/a.ts', import: 'src/store/store.ts', rule: RULES.core },
      { file: 'src/core/gone.ts', import: 'src/store/store.ts', rule: RULES.core },
    ];
    const { unexpected, stale } = compareWithKnown(found, known);
    assert.deepEqual(unexpected.map(describeViolation), [`src/core/b.ts:1 imports src/ingest/x.ts: ${RULES.core}`]);
    assert.deepEqual(stale, [known[1]]);
  });
});

describe('what a feature service reaches', () => {
  test("a service that reaches the web through its own feature's file is named with the chain; one that does not passes", () => {
    const graph = [
      edge('src/features/f/service.ts', 'src/features/f/form.ts'),
      edge('src/features/f/form.ts', 'src/features/f/words.ts'),
      edge('src/features/f/words.ts', 'src/web/auth/forms.ts'),
      edge('src/features/g/service.ts', 'src/features/g/openapi.ts'),
      edge('src/features/g/openapi.ts', 'src/core/x.ts'),
      edge('src/features/g/presenters.ts', 'src/web/charts/index.ts'),
    ];
    assert.deepEqual(featureServiceReachViolations(graph).map(describeViolation), [
      `src/features/f/service.ts imports src/features/f/form.ts -> src/features/f/words.ts -> src/web/auth/forms.ts: ${RULES.featureServiceReach}`,
    ]);
  });
});

describe('oversizedFiles', () => {
  test('names a file over the limit with its count', () => {
    const lines: Record<string, number> = { 'src/a.ts': 500, 'test/b.test.ts': 501 };
    assert.deepEqual(oversizedFiles(Object.keys(lines), (file) => lines[file]!).map(describeViolation), [
      'test/b.test.ts: no file over 500 lines (it has 501)',
    ]);
  });
});

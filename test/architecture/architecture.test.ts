/**
 * The rules of docs/architecture.md, checked over the repository's own files: no import cycles (type-only imports
 * included), imports only down the layers (with the known violations issue 10 is removing, which may only
 * shrink), and no file over 500 lines. The checks themselves are tried on a made-up graph in import-graph.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findCycles, lineCount, oversizedFiles, readImportGraph, repositoryRoot, sourceFiles } from './import-graph.ts';
import { KNOWN_VIOLATIONS } from './known-violations.ts';
import { compareWithKnown, describe as describeViolation, featureServiceReachViolations, layerViolations } from './layers.ts';

const root = repositoryRoot(fileURLToPath(import.meta.url));
const sourceTree = sourceFiles(root, ['src']);
// Cycles are looked for through tests and their support files too, so a cycle that passes through them is seen.
const everyFile = sourceFiles(root, ['src', 'test', 'scripts', 'bench', 'bin']);
const edges = readImportGraph(root, everyFile);
const sourceEdges = edges.filter((edge) => edge.from.startsWith('src/'));

describe('architecture', () => {
  test('the import graph is read: every relative import names a file that exists', () => {
    assert.ok(sourceTree.length > 100, `only ${sourceTree.length} files found under src/`);
    assert.ok(sourceEdges.filter((edge) => edge.to.startsWith('src/')).length > 500, 'too few imports found between files in src/');
    const everything = new Set(everyFile);
    const unresolved = edges.filter((edge) => edge.specifier.startsWith('.') && !everything.has(edge.to));
    assert.deepEqual(unresolved.map((edge) => `${edge.from}:${edge.line} imports ${edge.specifier}, which is not a file`), []);
  });

  test('no import cycles, type-only imports included', () => {
    const cycles = findCycles(edges);
    assert.deepEqual(cycles.map((cycle) => `import cycle (rule: no import cycles, type-only imports included): ${cycle.join(' -> ')}`), []);
  });

  test('imports run down the layers: nothing breaks a layer rule except the known violations', () => {
    const { unexpected } = compareWithKnown(layerViolations(sourceEdges), KNOWN_VIOLATIONS);
    assert.deepEqual(unexpected.map(describeViolation), []);
  });

  test("a feature's service reaches no web, cli or route file, not even through its own feature's files", () => {
    assert.deepEqual(featureServiceReachViolations(sourceEdges).map(describeViolation), []);
  });

  test('every known violation still occurs (remove it from KNOWN_VIOLATIONS once fixed, so the list only shrinks)', () => {
    const { stale } = compareWithKnown(layerViolations(sourceEdges), KNOWN_VIOLATIONS);
    assert.deepEqual(
      stale.map((v) => `${v.file} no longer imports ${v.import} against "${v.rule}": remove it from KNOWN_VIOLATIONS`),
      [],
    );
  });

  test('no file in src/, test/, scripts/, bench/ or bin/ is over 500 lines', () => {
    assert.deepEqual(oversizedFiles(everyFile, (file) => lineCount(root, file)).map(describeViolation), []);
  });
});

/**
 * The import graph of the source tree, read from the files themselves, and the checks docs/architecture.md states:
 * no import cycles (type-only imports included), imports only down the layers, and no file over 500 lines.
 * Pure functions over an in-memory graph, so the checks can be tried on a made-up graph (import-graph.test.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';

/** One import of one file: the module it names, as written and resolved (repository-relative, `/`-separated). */
export interface ImportEdge {
  readonly from: string;
  /** The resolved file, or the specifier as written when it is a package (`fastify`, `node:fs`). */
  readonly to: string;
  readonly specifier: string;
  readonly line: number;
  /** `import type`, `export type … from` or a type-position `import('…')`: gone once compiled. */
  readonly typeOnly: boolean;
}

export interface Violation {
  readonly file: string;
  readonly import: string;
  readonly rule: string;
  readonly line?: number;
}

export const SOURCE_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs', '.cjs'];

/** Every source file under the given folders, repository-relative with `/` separators, sorted. */
export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules') continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE_EXTENSIONS.some((ext) => entry.endsWith(ext))) found.push(relative(root, path).split('\\').join('/'));
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return found.sort();
}

const STATIC_IMPORT = /^[ \t]*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"\n]+)['"]/gm;
const SIDE_EFFECT_IMPORT = /^[ \t]*import\s*['"]([^'"\n]+)['"]/gm;
const DYNAMIC_IMPORT = /(\btypeof\s+|\bawait\s+)?\bimport\(\s*['"]([^'"\n]+)['"]\s*\)(\.then\b)?/g;

function lineAt(source: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** Block and line comments blanked out (newlines kept, so line numbers hold); strings are left alone. */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/^([ \t]*)\/\/.*$/gm, (_comment, indent: string) => indent);
}

/** The imports one file's text makes, unresolved. */
export function parseImports(source: string): { specifier: string; line: number; typeOnly: boolean }[] {
  const text = withoutComments(source);
  const found: { specifier: string; line: number; typeOnly: boolean; index: number }[] = [];
  for (const m of text.matchAll(STATIC_IMPORT)) {
    found.push({ specifier: m[4]!, line: lineAt(text, m.index), typeOnly: m[2] !== undefined, index: m.index });
  }
  for (const m of text.matchAll(SIDE_EFFECT_IMPORT)) {
    found.push({ specifier: m[1]!, line: lineAt(text, m.index), typeOnly: false, index: m.index });
  }
  for (const m of text.matchAll(DYNAMIC_IMPORT)) {
    // `await import('x')` and `import('x').then(…)` load the module; `typeof import('x')` and
    // `import('x').Name` in a type position do not.
    const loads = m[1]?.trim() === 'await' || m[3] !== undefined;
    found.push({ specifier: m[2]!, line: lineAt(text, m.index), typeOnly: !loads, index: m.index });
  }
  return found.sort((a, b) => a.index - b.index).map(({ specifier, line, typeOnly }) => ({ specifier, line, typeOnly }));
}

/**
 * A relative specifier resolved against the importing file: `.js` may name a `.ts` file (TypeScript's
 * convention). `exists` says whether a repository-relative path is a file.
 */
export function resolveSpecifier(from: string, specifier: string, exists: (path: string) => boolean): string {
  if (!specifier.startsWith('.')) return specifier;
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  if (exists(target)) return target;
  const swaps: [string, string][] = [['.js', '.ts'], ['.mjs', '.mts'], ['.cjs', '.cts']];
  for (const [written, source] of swaps) {
    if (target.endsWith(written)) {
      const swapped = target.slice(0, -written.length) + source;
      if (exists(swapped)) return swapped;
    }
  }
  return target;
}

/** The import graph of the given files, read from disk under root. */
export function readImportGraph(root: string, files: readonly string[]): ImportEdge[] {
  const known = new Set(files);
  const exists = (path: string) => known.has(path) || isFile(join(root, path));
  return files.flatMap((from) =>
    parseImports(readFileSync(join(root, from), 'utf8')).map(({ specifier, line, typeOnly }) => ({
      from,
      to: resolveSpecifier(from, specifier, exists),
      specifier,
      line,
      typeOnly,
    })),
  );
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Every import cycle among the given edges (type-only imports included), each as the files in order with the
 * first repeated at the end, one per strongly connected component.
 */
export function findCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (!next.has(edge.from)) next.set(edge.from, []);
    if (!next.get(edge.from)!.includes(edge.to)) next.get(edge.from)!.push(edge.to);
  }
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = component.length === 1 && (next.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => cyclePath(component.sort(), next));
}

/** One cycle through a strongly connected component, from its first file (breadth-first, so a shortest one). */
function cyclePath(component: readonly string[], next: ReadonlyMap<string, string[]>): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of next.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [...component, start];
}

/** Files with more lines than allowed, as violations. `lines` counts a file's lines. */
export function oversizedFiles(files: readonly string[], lines: (file: string) => number, limit = 500): Violation[] {
  return files
    .map((file) => ({ file, count: lines(file) }))
    .filter(({ count }) => count > limit)
    .map(({ file, count }) => ({ file, import: '', rule: `no file over ${limit} lines (it has ${count})` }));
}

/** A file's line count as editors show it (a final newline does not start another line). */
export function lineCount(root: string, file: string): number {
  const text = readFileSync(join(root, file), 'utf8');
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

export function repositoryRoot(fromFile: string): string {
  return join(dirname(fromFile), '..', '..');
}

/**
 * Makes every golden output in memory: first the demonstration files (`mirror demo`, and the region members' files),
 * then the web application on them and, at the same time in a second process (cli-phase.ts), every other command.
 * Used by scripts/golden.ts to write test/golden/outputs and by golden.test.ts to compare with what is stored.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliRecorder, writeTrustWithCli } from './cli-outputs.ts';
import { GOLDEN_DIR, makeRoot, writeRegionFiles, type Outputs, type Root } from './fixture.ts';
import { webOutputs } from './web-outputs.ts';

/** Runs cli-phase.ts in a process of its own and returns its outputs. */
async function commandsInAnotherProcess(root: Root): Promise<Outputs> {
  const file = join(root.dir, 'cli-outputs.json');
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./cli-phase.ts', import.meta.url)), root.dir, file], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let said = '';
  child.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  child.stderr.on('data', (chunk: Buffer) => { said += chunk.toString(); });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`The commands' process stopped with exit code ${code}:\n${said}`);
  return new Map(JSON.parse(readFileSync(file, 'utf8')) as [string, string][]);
}

export async function collectOutputs(): Promise<Outputs> {
  const outputs: Outputs = new Map();
  const root = makeRoot();
  try {
    const cli = new CliRecorder(root, outputs);
    const timed = async (label: string, run: () => Promise<void>) => {
      const started = performance.now();
      await run();
      if (process.env['GOLDEN_TIMING']) console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    };
    await timed('mirror demo', async () => {
      await writeTrustWithCli(cli, root);
      cli.finish('demo/commands.txt');
      await writeRegionFiles(root);
    });
    let commands: Outputs = new Map();
    await Promise.all([
      timed('web application', () => webOutputs(root, outputs)),
      timed('other commands', async () => { commands = await commandsInAnotherProcess(root); }),
    ]);
    for (const [name, text] of commands) outputs.set(name, text);
  } finally {
    root.remove();
  }
  return withoutRepeats(new Map([...outputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/**
 * An output identical to one before it (in name order) is not stored again: same-content.txt says which it equals.
 * The API's JSON is the command line's, byte for byte, for example, and that line says so.
 */
function withoutRepeats(outputs: Outputs): Outputs {
  const firstWith = new Map<string, string>();
  const kept: Outputs = new Map();
  const repeats: string[] = [];
  for (const [name, text] of outputs) {
    const first = text.length >= MIN_SHARED_LENGTH ? firstWith.get(text) : undefined;
    if (first !== undefined) {
      repeats.push(`${name} = ${first}`);
      continue;
    }
    if (text.length >= MIN_SHARED_LENGTH) firstWith.set(text, name);
    kept.set(name, text);
  }
  kept.set('same-content.txt', `${repeats.join('\n')}\n`);
  return kept;
}

/** Shorter outputs (an empty list, "not found") are stored wherever they occur. */
const MIN_SHARED_LENGTH = 200;

/** The stored goldens' paths, relative to test/golden/outputs, with / between folders. */
export function storedNames(): string[] {
  const dir = fileURLToPath(GOLDEN_DIR);
  const walk = (folder: string): string[] => readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? walk(path) : [relative(dir, path).split('\\').join('/')];
  });
  try {
    return walk(dir).sort();
  } catch {
    return [];
  }
}

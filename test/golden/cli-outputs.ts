/**
 * Every command of `mirror` (src/cli/main.ts and src/cli/commands), run in-process exactly as a person runs it, in
 * every format it offers: on the demonstration trust for both years, on some synthetic region members, and on the
 * fixed input files in test/golden/inputs. Standard output becomes the golden file (unless it is empty and there is
 * an error); standard error, when there is any, a `.stderr.txt` beside it; cli/commands.txt lists every command
 * line with its exit code.
 *
 * Not covered: `mirror serve` (it runs until stopped, and loads the year the calendar says), and the progress bar of
 * `mirror import` (drawn on the terminal's own standard error, only when it is a terminal).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import { INPUTS_DIR, PREVIOUS_YEAR, REGION_SAMPLE, SEED, YEAR, YEARS, normalise, type Outputs, type Root } from './fixture.ts';

/** Settings that would change where `mirror import` writes or what `mirror sign-in-link` prints: the defaults are used. */
const UNSET_SETTINGS = { DATABASE_URL: undefined, HOST: undefined, PORT: undefined, MIRROR_BASE_URL: undefined, MIRROR_PSEUDONYM_KEY: undefined };

type Format = 'table' | 'json' | 'csv';
const FORMATS = [['table', 'txt'], ['json', 'json'], ['csv', 'csv']] as const;

export class CliRecorder {
  private readonly log: string[] = [];

  constructor(private readonly root: Root, private readonly outputs: Outputs) {}

  /** Runs `mirror …args` and keeps its output as `cli/<name>`. */
  async run(name: string, ...args: string[]): Promise<void> {
    let out = '';
    let err = '';
    const started = performance.now();
    const code = await main(args, { out: (t) => { out += t; }, err: (t) => { err += t; } });
    const shown = args.map((a) => this.shortPath(a)).map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : a)).join(' ');
    this.log.push(`${name}: mirror ${shown} → exit ${code}`);
    if (process.env['GOLDEN_TIMING'] === '2') console.log(`    ${name} ${Math.round(performance.now() - started)} ms`);
    if (out !== '' || err === '') this.outputs.set(`cli/${name}`, normalise(out, this.root));
    if (err !== '') this.outputs.set(`cli/${name.replace(/\.\w+$/, '')}.stderr.txt`, normalise(err, this.root));
  }

  /** `mirror help`, for the program and each command, as printed to a pipe (80 columns, no colour), whatever runs it. */
  async help(name: string, ...args: string[]): Promise<void> {
    const streams = [process.stdout, process.stderr] as const;
    const saved = streams.map((s) => Object.getOwnPropertyDescriptor(s, 'isTTY'));
    for (const s of streams) Object.defineProperty(s, 'isTTY', { value: false, configurable: true, writable: true });
    try {
      await this.run(name, ...args, '--help');
    } finally {
      streams.forEach((s, i) => {
        const d = saved[i];
        if (d) Object.defineProperty(s, 'isTTY', d);
        else delete (s as { isTTY?: boolean }).isTTY;
      });
    }
  }

  /** A file of sha256 and the first lines of every file a command wrote, so the generator's files stay the same. */
  manifest(name: string, folder: string): void {
    const lines: string[] = [];
    for (const file of filesUnder(folder)) {
      const bytes = readFileSync(file);
      const head = bytes.toString('utf8').split('\n').slice(0, 3).map((l) => `    ${l}`);
      lines.push(`${relative(folder, file)}  ${bytes.length} bytes  sha256 ${createHash('sha256').update(bytes).digest('hex')}`, ...head);
    }
    this.outputs.set(`cli/${name}`, `${lines.join('\n')}\n`);
  }

  /** Keeps the list of command lines run so far with their exit codes. */
  finish(name: string): void {
    this.outputs.set(`cli/${name}`, `${this.log.join('\n')}\n`);
  }

  private shortPath(arg: string): string {
    const inputs = fileURLToPath(INPUTS_DIR);
    return arg.startsWith(inputs) ? `test/golden/inputs/${arg.slice(inputs.length)}` : normalise(arg, this.root);
  }
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).sort().flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** `mirror demo` for the demonstration trust's two years: writes root/demo/<year>, which everything else reads. */
export async function writeTrustWithCli(cli: CliRecorder, root: Root): Promise<void> {
  for (const year of YEARS) {
    await cli.run(`demo/trust-${year}.txt`, 'demo', root.trust(year), '--year', String(year), '--seed', String(SEED));
    cli.manifest(`demo/trust-${year}.files.txt`, root.trust(year));
  }
  // The region at full size, for the generator's files only (the analyses use the smaller region of the fixture).
  const region = join(root.dir, 'region-full');
  await cli.run('demo/region-8.txt', 'demo', region, '--year', String(YEAR), '--region', '8');
  cli.manifest('demo/region-8.files.txt', region);
  rmSync(region, { recursive: true, force: true });
  const small = join(root.dir, 'small');
  await cli.run('demo/small-trust.txt', 'demo', small, '--year', String(YEAR), '--seed', '7', '--staff', '300', '--applications', '900');
  cli.manifest('demo/small-trust.files.txt', small);
}

/** The four standards in the given formats for one folder, named `<prefix>/<standard>.<ext>`. */
async function standards(cli: CliRecorder, prefix: string, folder: string, year: number, formats: Readonly<Record<string, readonly Format[]>>): Promise<void> {
  for (const [format, ext] of FORMATS) {
    for (const standard of ['wres', 'wdes', 'paygap', 'medical']) {
      if (!formats[standard]?.includes(format)) continue;
      // paygap takes no year: it reads the pay in the staff file, at 31 March of the folder's year.
      const yearOption = standard === 'paygap' ? [] : ['--year', String(year)];
      await cli.run(`${prefix}/${standard}.${ext}`, standard, folder, ...yearOption, '--format', format);
    }
  }
}

const EVERY_FORMAT = { wres: ['table', 'json', 'csv'], wdes: ['table', 'json', 'csv'], paygap: ['table', 'json', 'csv'], medical: ['table', 'json', 'csv'] } as const;
/**
 * The earlier year has no year before it, so the two-year figures of WRES indicator 3 and WDES metric 3 read
 * differently: their table and JSON are kept; pay gaps and the medical workforce read alike each year, so their JSON.
 */
const EARLIER_YEAR_FORMATS = { wres: ['table', 'json'], wdes: ['table', 'json'], paygap: ['json'], medical: ['json'] } as const;

export async function cliOutputs(cli: CliRecorder, root: Root, outputs: Outputs): Promise<void> {
  const inputs = fileURLToPath(INPUTS_DIR);
  const input = (name: string) => join(inputs, name);
  const trust = root.trust(YEAR);

  await cli.help('help/mirror.txt');
  for (const command of ['wres', 'wdes', 'medical', 'paygap', 'demo', 'serve', 'import', 'sign-in-link', 'demo-report', 'funnel', 'spc', 'targets']) {
    await cli.help(`help/${command}.txt`, command);
  }

  // The demonstration trust: every standard and format for the later year, and the earlier year.
  await standards(cli, `trust/${YEAR}`, trust, YEAR, EVERY_FORMAT);
  await standards(cli, `trust/${PREVIOUS_YEAR}`, root.trust(PREVIOUS_YEAR), PREVIOUS_YEAR, EARLIER_YEAR_FORMATS);
  // Options that change what is shown.
  await cli.run('trust/options/wres-unsuppressed.csv', 'wres', trust, '--unsuppressed', '--format', 'csv');
  await cli.run('trust/options/wres-min-cell-3.txt', 'wres', trust, '--min-cell', '3');
  await cli.run('trust/options/wdes-unsuppressed.csv', 'wdes', trust, '--unsuppressed', '--format', 'csv');
  await cli.run('trust/options/medical-unsuppressed.txt', 'medical', trust, '--unsuppressed');
  await cli.run('trust/options/paygap-white-british-exclude-bank.txt', 'paygap', trust, '--ethnicity-reference', 'white-british', '--exclude-bank');
  await cli.run('trust/options/paygap-unsuppressed-min-group-20.csv', 'paygap', trust, '--unsuppressed', '--min-group', '20', '--format', 'csv');
  // A directorate's reports (scopes), as anyone outside the analysts' view gets them, and with --unsuppressed.
  const hr = 'directorate=HR and Organisational Development';
  await cli.run('trust/scope/wres-hr-and-od.txt', 'wres', trust, '--scope', hr);
  await cli.run('trust/scope/wres-hr-and-od.csv', 'wres', trust, '--scope', hr, '--format', 'csv');
  await cli.run('trust/scope/wdes-hr-and-od.json', 'wdes', trust, '--scope', hr, '--format', 'json');
  await cli.run('trust/scope/wres-hr-and-od-unsuppressed.txt', 'wres', trust, '--scope', hr, '--unsuppressed');
  // Targets with the default goal in a table are the region members' below.
  await cli.run('trust/targets.json', 'targets', root.trust(PREVIOUS_YEAR), trust, '--format', 'json');
  await cli.run('trust/targets-goal-35-horizon-2030.txt', 'targets', root.trust(PREVIOUS_YEAR), trust, '--goal-share', '35', '--horizon', '2030');
  await withEnv({ MIRROR_DATA_DIR: root.dir, ...UNSET_SETTINGS }, () => cli.run('trust/demo-report.txt', 'demo-report', '--year', String(YEAR)));

  // The synthetic region: a few members, for the later year (the earlier is the previous year).
  for (const code of REGION_SAMPLE) {
    await standards(cli, `region/${code}/${YEAR}`, root.member(code, YEAR), YEAR, EVERY_FORMAT);
    await cli.run(`region/${code}/targets.txt`, 'targets', root.member(code, PREVIOUS_YEAR), root.member(code, YEAR));
  }

  // The statistics commands on fixed input files.
  for (const [direction, extra] of [['increase', []], ['decrease', ['--target', '0.5']], ['neutral', ['--no-screen-outliers']]] as const) {
    await cli.run(`spc/series-${direction}.txt`, 'spc', input('spc-series.csv'), '--direction', direction, ...extra);
    await cli.run(`spc/series-${direction}.json`, 'spc', input('spc-series.csv'), '--direction', direction, ...extra, '--format', 'json');
  }
  await cli.run('spc/rebased-fix-after-12.txt', 'spc', input('spc-rebased.csv'), '--direction', 'increase', '--fix-after', '12', '--target', '0.5');
  await cli.run('spc/rebased-fix-after-12.json', 'spc', input('spc-rebased.csv'), '--direction', 'increase', '--fix-after', '12', '--format', 'json');
  for (const format of ['table', 'json'] as const) {
    const ext = format === 'table' ? 'txt' : 'json';
    await cli.run(`funnel/proportion.${ext}`, 'funnel', input('funnel-proportion.csv'), '--type', 'proportion', '--format', format);
    await cli.run(`funnel/proportion-95.${ext}`, 'funnel', input('funnel-proportion.csv'), '--type', 'proportion', '--limit', '95', '--format', format);
    await cli.run(`funnel/standardised-ratio-shmi.${ext}`, 'funnel', input('funnel-ratio.csv'), '--type', 'standardised-ratio', '--format', format);
    await cli.run(`funnel/standardised-ratio-cqc.${ext}`, 'funnel', input('funnel-ratio.csv'), '--type', 'standardised-ratio', '--sr-method', 'cqc', '--format', format);
    await cli.run(`funnel/count-ratio.${ext}`, 'funnel', input('funnel-ratio.csv'), '--type', 'count-ratio', '--format', format);
    await cli.run(`funnel/relative-likelihood.${ext}`, 'funnel', input('funnel-relative-likelihood.csv'), '--type', 'relative-likelihood', '--format', format);
    await cli.run(`funnel/relative-likelihood-target-1.2.${ext}`, 'funnel', input('funnel-relative-likelihood.csv'), '--type', 'relative-likelihood', '--target', '1.2', '--format', format);
  }

  // Importing into a store of its own, and the sign-in link it then offers.
  const store = join(root.dir, 'cli-store');
  await withEnv({ MIRROR_DATA_DIR: store, ...UNSET_SETTINGS }, async () => {
    const member = REGION_SAMPLE[2];
    await cli.run('import/new-without-name.txt', 'import', root.member(member, YEAR), '--org', member, '--year', String(YEAR));
    await cli.run('import/first.txt', 'import', root.member(member, YEAR), '--org', member, '--name', 'Synthetic Region NHS Trust', '--region', 'Synthetic region', '--type', 'Acute trust', '--year', String(YEAR));
    await cli.run('import/again.txt', 'import', root.member(member, YEAR), '--org', member, '--year', String(YEAR));
    await cli.run('import/broken.txt', 'import', input('broken'), '--org', member, '--year', String(YEAR), '--problems', join(store, 'problems.csv'));
    outputs.set('cli/import/broken.problems.csv', readFileSync(join(store, 'problems.csv'), 'utf8'));
    await cli.run('sign-in-link/first.txt', 'sign-in-link');
    await cli.run('sign-in-link/unknown-email.txt', 'sign-in-link', '--email', 'nobody@example.nhs.uk');
  });

  // Mistakes: a located list of problems (exit 1), or a usage error (exit 2).
  await cli.run('errors/wres-broken.txt', 'wres', input('broken'), '--year', String(YEAR));
  await cli.run('errors/paygap-broken.txt', 'paygap', input('broken'));
  await cli.run('errors/wres-no-year.txt', 'wres', input('broken'));
  await cli.run('errors/unknown-command.txt', 'wress', trust);
  await cli.run('errors/bad-format.txt', 'wres', trust, '--format', 'xml');
  await cli.run('errors/targets-folder-not-a-year.txt', 'targets', input('broken'));
  await cli.run('errors/funnel-target-not-rl.txt', 'funnel', input('funnel-proportion.csv'), '--type', 'proportion', '--target', '1.2');
  await cli.run('errors/spc-fix-after-5.txt', 'spc', input('spc-series.csv'), '--direction', 'increase', '--fix-after', '5');
}

/** Runs with some environment variables set (or removed), restoring them afterwards. */
async function withEnv(vars: Record<string, string | undefined>, run: () => Promise<void>): Promise<void> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(vars);
  try {
    await run();
  } finally {
    set(saved);
  }
}

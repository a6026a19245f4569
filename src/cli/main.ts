/**
 * `npx mirror`: the command line. Commands are thin: parse options, call a service, print. Problems with the user's
 * data go to stderr one per line with file, row, column and value; the exit code is 1 for data problems and 2 for
 * a mistaken command. A stack trace is never shown for anything a user can cause.
 */
import { Command, CommanderError } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultStandards } from '../core/standards/index.ts';
import type { StandardRegistry } from '../core/standards/registry.ts';
import { latestReportingYear } from '../core/util/reporting-year.ts';
import { MAX_REGION_SIZE } from '../demo/region-size.ts';
import { EXIT_OK, EXIT_USAGE, reportProblems, type Io } from './output.ts';
import { registerStatisticsCommands } from './commands/statistics.ts';
import { parseYear, registerStandardCommands, wholeNumber } from './commands/standard.ts';
import { registerTargetsCommand } from './commands/targets.ts';
import { registerTokenCommands } from './commands/tokens.ts';
import { registerReportsCommand } from './commands/reports.ts';

// Every command loads what it needs when it runs (await import(…) in its action), so `mirror --help` and a command
// that reads files do not load the web server, the database drivers or the Excel library (issue 15: start at once).

import { registerReturnCommand } from './commands/return.ts';

export { EXIT_DATA_PROBLEM, EXIT_OK, EXIT_USAGE, type Io } from './output.ts';

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};


export function buildProgram(io: Io, setExitCode: (code: number) => void, standards: StandardRegistry = defaultStandards()): Command {
  const program = new Command('mirror')
    .description('Mirror: workforce race equality for NHS organisations, exact to the national definitions.')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run "mirror --help" for the commands)');

  // One command per registered standard: wres, wdes, medical, paygap.
  registerStandardCommands(program, io, setExitCode, standards);

  program
    .command('demo')
    .description('Write a synthetic demonstration trust (clearly labelled as synthetic) in the canonical file formats.')
    .argument('<folder>', 'folder to write the files into')
    .requiredOption('--year <year>', 'reporting year of the files', parseYear)
    .option('--seed <n>', 'random seed: the same seed always gives the same trust', wholeNumber('The seed', 0, 2 ** 31 - 1), 1)
    .option('--staff <n>', 'number of staff', wholeNumber('The number of staff', 50, 2_000_000))
    .option('--applications <n>', 'number of applications (default about 7.5 per member of staff)', wholeNumber('The number of applications', 0, 10_000_000))
    .option('--region <n>', `write a synthetic region instead: n organisations (SYN01 to SYNnn, each a subfolder) of different sizes and gaps, for comparisons`, wholeNumber('The number of organisations', 1, MAX_REGION_SIZE))
    .action(async (folder: string, options: { year: number; seed: number; staff?: number; applications?: number; region?: number }) => {
      if (options.region !== undefined) {
        const { writeSyntheticRegion } = await import('../demo/synthetic-region.ts');
        const members = await writeSyntheticRegion(resolve(folder), options.year, options.region);
        io.out(`Wrote a synthetic region of ${members.length} organisations (synthetic, not real people or organisations) for ${options.year} to ${resolve(folder)}:\n`);
        for (const m of members) io.out(`  ${m.code}  ${m.name} (${m.staff} staff)\n`);
        io.out('Import each folder with --region "Synthetic region" --type "Acute trust", or set MIRROR_DEMO_REGION for the web application.\n');
        setExitCode(EXIT_OK);
        return;
      }
      const { writeSyntheticTrust } = await import('../demo/write-synthetic-trust.ts');
      const { SYNTHETIC_ORGANISATION } = await import('../demo/synthetic-trust.ts');
      const { files } = await writeSyntheticTrust(resolve(folder), {
        year: options.year, seed: options.seed,
        ...(options.staff !== undefined ? { staff: options.staff } : {}),
        ...(options.applications !== undefined ? { applications: options.applications } : {}),
      });
      io.out(`Wrote ${SYNTHETIC_ORGANISATION.name} (synthetic, not real people) for ${options.year} to ${resolve(folder)}:\n`);
      for (const file of files) io.out(`  ${file}\n`);
      setExitCode(EXIT_OK);
    });

  program
    .command('serve')
    .description('Run the web application (what `npm start` does): PORT, HOST, MIRROR_DATA_DIR and DATABASE_URL configure it.')
    .action(async () => {
      const { closeOnSignals, startServer } = await import('../web/server.ts');
      const server = await startServer(process.env, (line) => io.out(`${line}\n`));
      closeOnSignals(server, (line) => io.out(`${line}\n`));
      setExitCode(EXIT_OK);
      await new Promise<never>(() => {});
    });

  program
    .command('import')
    .description("Import one reporting year's folder into the store (SQLite under MIRROR_DATA_DIR, or PostgreSQL at DATABASE_URL).")
    .argument('<folder>', 'folder holding staff.csv and any of the other files')
    .requiredOption('--org <code>', 'organisation code, for example RXX')
    .option('--name <name>', 'organisation name (required the first time an organisation is imported; an existing organisation keeps its name)')
    .option('--region <region>', 'region, for comparisons')
    .option('--type <type>', 'organisation type, for example "Acute trust"')
    .requiredOption('--year <year>', 'reporting year', parseYear)
    .option('--problems <file>', 'if the files have problems, write every one to this CSV file as well')
    .action(async (folder: string, options: { org: string; name?: string; region?: string; type?: string; year: number; problems?: string }) => {
      setExitCode(await importCommand(io, resolve(folder), options));
    });

  program
    .command('sign-in-link')
    .description('Print a one-time sign-in link: for the first administrator while nobody has an account, otherwise for --email.')
    .option('--email <email>', 'the person to sign in (default: the first administrator)')
    .action(async (options: { email?: string }) => {
      setExitCode(await signInLinkCommand(io, options.email));
    });

  program
    .command('demo-report')
    .description('Print the synthetic demonstration trust\'s WRES report in the terminal, writing its files under MIRROR_DATA_DIR first if needed.')
    .option('--year <year>', 'reporting year to show (default: the latest year whose 31 March has passed)', parseYear)
    .action(async (options: { year?: number }) => {
      const year = options.year ?? latestReportingYear(new Date());
      const root = resolve(process.env['MIRROR_DATA_DIR'] ?? 'data', 'demo');
      const { writeSyntheticTrust } = await import('../demo/write-synthetic-trust.ts');
      const { SYNTHETIC_ORGANISATION } = await import('../demo/synthetic-trust.ts');
      const { wresFromFolder } = await import('../services/wres-from-folder.ts');
      const { wresText } = await import('../core/outputs/wres-text.ts');
      for (const y of [year - 1, year]) {
        const folder = resolve(root, String(y));
        if (!existsSync(resolve(folder, 'staff.csv'))) await writeSyntheticTrust(folder, { year: y, seed: 1 });
      }
      const result = await wresFromFolder(resolve(root, String(year)), { year });
      if (!result.ok) {
        setExitCode(await reportProblems(io, result.problems));
        return;
      }
      io.out(`${wresText(result.report, `${SYNTHETIC_ORGANISATION.name} (synthetic data, not real people)`)}\n`);
      io.out(`The demonstration files are in ${resolve(root, String(year))}.\n`);
      setExitCode(EXIT_OK);
    });

  // Commands that live in their own modules (one line each).
  registerStatisticsCommands(program, io, setExitCode);
  // Model Employer-style targets and trajectories over several years' folders.
  registerTargetsCommand(program, io, setExitCode);
  // API tokens for automation: create (printed once) and revoke.
  registerTokenCommands(program, io, setExitCode);
  // The national WRES and WDES returns in NHS England's template layout.
  registerReturnCommand(program, io, setExitCode, standards);
  registerReportsCommand(program, io, setExitCode);

  return program;
}

/** How long `mirror import` waits for another import to finish writing before it gives up. */
export const IMPORT_WAIT_MS = 30 * 60 * 1000;

async function importCommand(
  io: Io,
  folder: string,
  options: { org: string; name?: string; region?: string; type?: string; year: number; problems?: string },
): Promise<number> {
  const { createStore, storeConfigFromEnv } = await import('../store/create-store.ts');
  const { importFolder } = await import('../services/import-service.ts');
  const { loadPseudonymKey } = await import('../services/pseudonym.ts');
  const { Presets, SingleBar } = await import('cli-progress');
  // Another import (or the web application) may be writing: wait for it, up to IMPORT_WAIT_MS, and say so once.
  const config = storeConfigFromEnv(process.env);
  let toldWaiting = false;
  const store = createStore(config.dialect === 'sqlite' ? { ...config, busyTimeoutMs: IMPORT_WAIT_MS } : config, {
    onBusy: () => {
      if (toldWaiting) return;
      toldWaiting = true;
      io.err('Waiting for another import to finish…\n');
    },
  });
  try {
    await store.migrate();
    const existing = await store.organisations.byCode(options.org);
    const name = existing?.name ?? options.name;
    if (!name) {
      io.err(`Organisation ${options.org} is new: give its name with --name "…".\n`);
      return EXIT_USAGE;
    }
    if (existing && options.name !== undefined && options.name !== existing.name) {
      io.err(`${existing.code} already exists as "${existing.name}": its name is kept, as an import never renames an organisation.\n`);
    }
    const bar = new SingleBar({ format: '  {stage} [{bar}] {percentage}%', noTTYOutput: false, stream: process.stderr }, Presets.shades_classic);
    let stage = '';
    const result = await importFolder(store, folder, {
      organisation: { code: options.org, name, region: options.region ?? null, type: options.type ?? null },
      year: options.year, channel: 'cli', importedBy: null, key: await loadPseudonymKey(process.env),
      onProgress: (next, done, total) => {
        if (next !== stage) {
          if (stage) bar.stop();
          stage = next;
          bar.start(Math.max(total, 1), done, { stage: next.padEnd(13) });
        } else bar.update(done);
      },
    });
    if (stage) bar.stop();
    const organisation = await store.organisations.byCode(options.org);
    if (!result.ok) {
      await store.audit.record({ userId: null, action: 'import-rejected', organisationId: organisation?.id ?? null, subject: `import/${options.year}`, details: { channel: 'cli', problems: result.problems.length } });
      return await reportProblems(io, result.problems, options.problems);
    }
    await store.audit.record({ userId: null, action: 'import', organisationId: organisation?.id ?? null, subject: `import/${result.version.id}`, details: { channel: 'cli', year: options.year, version: result.version.version } });
    io.out(`Imported ${name} (${options.org}) for ${options.year}: version ${result.version.version}, ${result.version.sources.map((s) => `${s.file} ${s.rows} rows`).join(', ')}.\n`);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

async function signInLinkCommand(io: Io, email: string | undefined): Promise<number> {
  const { createStore, storeConfigFromEnv } = await import('../store/create-store.ts');
  const { webSettingsFromEnv } = await import('../web/config.ts');
  const { createSignInLink, firstRunSignInLink } = await import('../services/sign-in-links.ts');
  const settings = webSettingsFromEnv(process.env);
  const store = createStore(storeConfigFromEnv({ ...process.env, MIRROR_DATA_DIR: settings.dataDir }));
  try {
    await store.migrate();
    const now = new Date();
    if ((await store.users.count()) === 0) {
      const link = await firstRunSignInLink(store, { baseUrl: settings.baseUrl, now });
      io.out(`Nobody has an account yet. This link signs in the first administrator (once, within 60 minutes):\n${link}\n`);
      return EXIT_OK;
    }
    const user = email ? await store.users.byEmail(email) : (await store.users.all()).find((u) => u.administrator && u.active);
    if (!user) {
      io.err(email ? 'There is no account with that email address.\n' : 'There is no active administrator; give --email.\n');
      return EXIT_USAGE;
    }
    const link = await createSignInLink(store, { baseUrl: settings.baseUrl, userId: user.id, now });
    io.out(`This link signs in ${user.displayName} (once, within 60 minutes):\n${link}\n`);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

/** Runs the command line and returns the exit code, so tests can call it in-process. */
export async function main(argv: readonly string[], io: Io = processIo, standards: StandardRegistry = defaultStandards()): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  }, standards);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    io.err(`Mirror stopped because of an unexpected fault: ${error instanceof Error ? error.message : String(error)}\n`);
    return 70;
  }
}

/**
 * The data folder holds personal data (the SQLite database, uploaded files) and the pseudonym key, so only the
 * account Mirror runs as may read it: folders are made 0700 and files 0600, whatever the umask, and an existing
 * folder or file that others can read is reported with the command that fixes it. Modes mean nothing on Windows,
 * where the folder's access control list decides, so nothing is checked there.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, type Stats, statSync } from 'node:fs';

export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const CHECKED = process.platform !== 'win32';

/** Makes the folder (and any missing parents) readable only by its owner; a folder that exists is left as it is. */
export function ensurePrivateFolder(path: string): void {
  if (existsSync(path)) return;
  mkdirSync(path, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  // mkdir's mode passes through the umask; chmod does not.
  if (CHECKED) chmodSync(path, PRIVATE_FOLDER_MODE);
}

/** Creates an empty file readable only by its owner, unless it exists (then it is left as it is). */
export function ensurePrivateFile(path: string): void {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  closeSync(descriptor);
  if (CHECKED) chmodSync(path, PRIVATE_FILE_MODE);
}

/**
 * One warning for each of these paths that exists and that other people on the computer can read or write, each
 * naming the path and the chmod that makes it private.
 */
export function looseModeWarnings(paths: readonly string[]): string[] {
  if (!CHECKED) return [];
  const warnings: string[] = [];
  for (const path of paths) {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      continue;
    }
    const mode = stats.mode & 0o777;
    if ((mode & 0o077) === 0) continue;
    const wanted = stats.isDirectory() ? PRIVATE_FOLDER_MODE : PRIVATE_FILE_MODE;
    warnings.push(
      `Warning: ${path} can be opened by other accounts on this computer (mode ${octal(mode)}); only the account Mirror runs as should. ` +
      `Make it private with: chmod ${octal(wanted)} '${path.replaceAll("'", "'\\''")}'`,
    );
  }
  return warnings;
}

function octal(mode: number): string {
  return mode.toString(8).padStart(3, '0');
}

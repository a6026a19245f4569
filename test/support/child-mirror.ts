/**
 * Runs Mirror as an operator does, `node bin/mirror.js …`, in a child process: a command to its end, or the server,
 * so a test can see the process end if a fault stops it; and a small cookie-keeping client to sign in and load
 * pages over real HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one `mirror` command in its own process and resolves when it ends. */
export function runMirror(args: readonly string[], env: Record<string, string>): Promise<CommandResult> {
  return startMirror(args, env).done;
}

export interface RunningCommand {
  readonly done: Promise<CommandResult>;
  /** What it has written to standard error so far. */
  stderr(): string;
  ended(): boolean;
}

/** Starts one `mirror` command in its own process, to watch while it runs. */
export function startMirror(args: readonly string[], env: Record<string, string>): RunningCommand {
  const child = spawn(process.execPath, ['bin/mirror.js', ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let ended = false;
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const done = new Promise<CommandResult>((resolve) => child.once('close', (code, signal) => {
    ended = true;
    resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
  }));
  return { done, stderr: () => stderr, ended: () => ended };
}

export interface ChildServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far (standard output and error). */
  output(): string;
  /** The exit code, or null while it runs. */
  exitCode(): number | null;
  stop(): Promise<void>;
}

/** Starts `mirror serve` on a free port without the demonstration data, and resolves once it listens. */
export function startChildServer(env: Record<string, string>, args: readonly string[] = ['serve']): Promise<ChildServer> {
  const child = spawn(process.execPath, ['bin/mirror.js', ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', MIRROR_DEMO: 'off', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
    exitCode = code ?? (signal ? 128 : 1);
    resolve();
  }));
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not start within 60 seconds'), 60_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`mirror serve ${why}:\n${output}`));
    };
    void exited.then(() => fail(`ended with ${exitCode}`));
    child.stdout.on('data', () => {
      const url = /Mirror is running at (\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        child,
        output: () => output,
        exitCode: () => exitCode,
        stop: async () => {
          if (exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/** Keeps cookies between requests, as a browser does, and the CSRF token of the last page. */
export class HttpClient {
  readonly #cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly baseUrl: string) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type: string }> {
    return this.#send(path, { method: 'GET', headers });
  }

  async postForm(path: string, fields: Record<string, string>): Promise<{ status: number; body: string; type: string }> {
    return this.#send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: this.csrf, ...fields }).toString(),
    });
  }

  async #send(path: string, init: { method: string; headers: Record<string, string>; body?: string }) {
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(new URL(path, this.baseUrl), {
      ...init,
      headers: { ...init.headers, ...(cookie ? { cookie } : {}) },
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    const body = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, body, type: response.headers.get('content-type') ?? '' };
  }

  /** Signs in through the real form; throws unless the service accepts the password. */
  async signIn(email: string, password: string): Promise<void> {
    await this.get('/sign-in');
    const response = await this.postForm('/sign-in', { email, password });
    if (response.status !== 303) throw new Error(`${email} could not sign in: ${response.status}`);
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName } from './services';

const ROOT = join(__dirname, '..', '..');

/**
 * The node options a service is started with by `npm run start:<service>` (those before its `-r` preloads,
 * e.g. --max-semi-space-size=64, as the Docker image's NODE_OPTIONS), so that tests and benchmarks run it as it is run.
 */
export function startNodeOptions(service: ServiceName): string[] {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const words = (scripts[`start:${service}`] ?? '').split(/\s+/);
  const options: string[] = [];
  for (const w of words.slice(1)) {
    if (!w.startsWith('--')) break;
    options.push(w);
  }
  return options;
}

/**
 * A service run as its own process (its real main.ts), so that tests can kill it (-9 or SIGTERM) and
 * start it again with the same environment; everything it logs is kept.
 */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private text = '';
  url = '';
  /** How many times it was started. */
  starts = 0;

  constructor(
    readonly service: ServiceName,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** The environment it runs with (another instance of the service can be started with it). */
  get environment(): NodeJS.ProcessEnv {
    return this.env;
  }

  get log(): string {
    return this.text;
  }

  /** The process id of the current (or last) run, for accounting its CPU and memory. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process and resolves with its URL once it listens. */
  start(): Promise<string> {
    // The start script's node options, then SERVICE_NODE_ARGS: extra ones for the service processes (e.g. --max-old-space-size=512; a later V8 flag wins).
    const extra = process.env.SERVICE_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...startNodeOptions(this.service), ...extra, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', `apps/${this.service}/src/main.ts`], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    const from = this.text.length;
    return new Promise<string>((resolve, reject) => {
      const onData = (d: Buffer) => {
        this.text += d.toString();
        const m = / listening on (http:\/\/\S+) /.exec(this.text.slice(from));
        if (m) {
          this.url = m[1]!;
          resolve(this.url);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code, signal) => reject(new Error(`${this.service} exited (${code ?? signal}) before listening: ${this.text.slice(from).slice(-1500)}`)));
    });
  }

  /** Sends a signal and waits for the process to end; returns its exit code (null when killed by the signal). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30000): Promise<number | null> {
    const child = this.child;
    if (!child || !this.running) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

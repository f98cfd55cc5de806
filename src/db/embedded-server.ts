import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { access, chmod, cp, mkdir, mkdtemp, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import type { Logger } from '../logger.js';

/**
 * Starts a MongoDB-compatible server for development and tests: FerretDB with its SQLite
 * backend, built once from the Go module proxy into a cache keyed by version.
 * Order of preference: an already built binary, `go` to build one, mongodb-memory-server.
 */

const run = promisify(execFile);

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

export interface EmbeddedServer {
  uri: string;
  kind: 'ferretdb' | 'mongodb-memory-server';
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  cacheDir: string;
  /** Where the database files live; a fresh temporary directory when omitted (removed on stop). */
  dataDir?: string;
  logger?: Logger;
}

export function ferretdbBinaryPath(cacheDir: string): string {
  return join(cacheDir, `ferretdb-${FERRETDB_VERSION}`, 'bin', 'ferretdb');
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

async function which(cmd: string): Promise<string | null> {
  try {
    const { stdout } = await run('sh', ['-c', `command -v ${cmd}`]);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

/** Serialises builds across processes (parallel test workers, two `npm start`s) with an exclusive lock file. */
async function withLock<T>(lockPath: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = Date.now() - (await stat(lockPath).then((s) => s.mtimeMs, () => Date.now()));
      if (age > 15 * 60_000) await rm(lockPath, { force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for the FerretDB build lock ${lockPath}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}

/**
 * Builds FerretDB from its module source. A plain `go install …@v1.24.2` produces a binary that
 * panics at start-up (the module ships without build/version/version.txt, which FerretDB's own
 * build task generates), so the source is copied, that file written, and the command built.
 */
async function buildFerretDB(cacheDir: string, go: string, logger?: Logger): Promise<string> {
  const binary = ferretdbBinaryPath(cacheDir);
  await mkdir(join(cacheDir, `ferretdb-${FERRETDB_VERSION}`, 'bin'), { recursive: true });
  return withLock(`${binary}.lock`, async () => {
    if (await exists(binary)) return binary;
    const started = Date.now();
    logger?.info('building FerretDB once (cached afterwards)', { version: FERRETDB_VERSION, cacheDir });
    const env = { ...process.env, CGO_ENABLED: '0' };
    const { stdout } = await run(go, ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    const moduleDir = (JSON.parse(stdout) as { Dir: string }).Dir;
    const work = await mkdtemp(join(tmpdir(), 'slabtune-ferretdb-src-'));
    try {
      await cp(moduleDir, work, { recursive: true });
      await run('chmod', ['-R', 'u+w', work]);
      await writeFile(join(work, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
      const tmpBinary = `${binary}.tmp-${process.pid}`;
      await run(go, ['build', '-trimpath', '-o', tmpBinary, './cmd/ferretdb'], {
        cwd: work,
        env,
        maxBuffer: 16 * 1024 * 1024,
      });
      await chmod(tmpBinary, 0o755);
      await rename(tmpBinary, binary);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    logger?.info('FerretDB built', { seconds: Math.round((Date.now() - started) / 100) / 10, binary });
    return binary;
  });
}

/** The cached binary, building it when `go` is available; null when neither exists. */
export async function ensureFerretDB(cacheDir: string, logger?: Logger): Promise<string | null> {
  const binary = ferretdbBinaryPath(cacheDir);
  if (await exists(binary)) return binary;
  const go = await which('go');
  if (!go) return null;
  return buildFerretDB(cacheDir, go, logger);
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolvePort(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForPing(uri: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`FerretDB exited with code ${child.exitCode} before answering ping`);
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (err) {
      lastError = err;
    } finally {
      await client.close().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`FerretDB did not answer ping within ${timeoutMs} ms: ${String(lastError)}`);
}

/**
 * The child runs under a tiny shell guard that reads our stdin: when this process dies in any
 * way (even SIGKILL) the pipe closes, the guard wakes and kills FerretDB, so no orphan remains.
 */
const GUARD = 'exec 3<&0; "$0" "$@" 3<&- & child=$!; (read _ignored <&3; kill "$child" 2>/dev/null) & exec 3<&-; wait "$child"';

async function startFerretDB(binary: string, dataDir: string, logger?: Logger): Promise<{ uri: string; child: ChildProcess }> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const args = [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${dataDir}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=error',
    ];
    const child = spawn('sh', ['-c', GUARD, binary, ...args], {
      stdio: ['pipe', 'ignore', 'pipe'],
      env: { ...process.env, DO_NOT_TRACK: '1' },
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    const uri = `mongodb://127.0.0.1:${port}/`;
    try {
      await waitForPing(uri, child, 30_000);
      return { uri, child };
    } catch (err) {
      lastError = new Error(`${String(err)}\n${stderr}`);
      child.stdin?.end();
      child.kill('SIGKILL');
      logger?.warn('FerretDB failed to start, retrying on another port', { attempt });
    }
  }
  throw lastError;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.stdin?.end();
  });
}

export async function startEmbeddedServer(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const temporary = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'slabtune-db-')));
  await mkdir(dataDir, { recursive: true });
  const binary = await ensureFerretDB(opts.cacheDir, opts.logger);
  if (binary) {
    const { uri, child } = await startFerretDB(binary, dataDir, opts.logger);
    // Synchronous last resort: closing our end of the pipe is enough for the guard to stop FerretDB.
    const onExit = () => child.stdin?.destroy();
    process.once('exit', onExit);
    return {
      uri,
      kind: 'ferretdb',
      async stop() {
        process.off('exit', onExit);
        await stopChild(child);
        if (temporary) await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  opts.logger?.warn(
    'neither a cached FerretDB nor `go` was found: falling back to mongodb-memory-server, which downloads MongoDB (needs internet). Set MONGODB_URI to use an existing server.',
  );
  try {
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    const server = await MongoMemoryServer.create({ instance: { dbPath: dataDir, storageEngine: 'wiredTiger' } });
    return {
      uri: server.getUri(),
      kind: 'mongodb-memory-server',
      async stop() {
        await server.stop({ doCleanup: temporary, force: false });
      },
    };
  } catch (err) {
    throw new Error(
      `no MongoDB-compatible server available: install Go (to build FerretDB ${FERRETDB_VERSION}) or set MONGODB_URI. mongodb-memory-server failed: ${String(err)}`,
    );
  }
}

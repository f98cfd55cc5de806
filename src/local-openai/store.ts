import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Persistent state under dataDir: one JSON file per object, written to a temporary name and
 * renamed into place so a crash never leaves half an object; append-only JSONL logs for events.
 * Everything is also held in memory, loaded once at start: the provider is the only writer.
 */

const safeName = (id: string) => id.replace(/[^A-Za-z0-9._-]/g, (c) => `~${c.charCodeAt(0).toString(16)}`);

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export function ensureDir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}

/** A keyed collection of JSON objects, kept in the order they were first stored. */
export class JsonCollection<T extends { id: string }> {
  private readonly items = new Map<string, T>();
  private readonly seqs = new Map<string, number>();
  private readonly dir: string;
  private nextSeq: number;

  constructor(root: string, name: string) {
    this.dir = ensureDir(join(root, name));
    const loaded: Array<{ seq: number; item: T }> = [];
    for (const file of readdirSync(this.dir)) {
      if (!file.endsWith('.json')) continue;
      try {
        loaded.push(JSON.parse(readFileSync(join(this.dir, file), 'utf8')) as { seq: number; item: T });
      } catch {
        // A file that does not parse was never renamed into place completely: ignore it.
      }
    }
    loaded.sort((a, b) => a.seq - b.seq);
    for (const { seq, item } of loaded) {
      this.items.set(item.id, item);
      this.seqs.set(item.id, seq);
    }
    this.nextSeq = loaded.length ? loaded[loaded.length - 1]!.seq + 1 : 0;
  }

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  /** Oldest first. */
  all(): T[] {
    return [...this.items.values()];
  }

  put(item: T): T {
    let seq = this.seqs.get(item.id);
    if (seq === undefined) {
      seq = this.nextSeq++;
      this.seqs.set(item.id, seq);
    }
    this.items.set(item.id, item);
    writeFileAtomic(join(this.dir, `${safeName(item.id)}.json`), JSON.stringify({ seq, item }));
    return item;
  }

  delete(id: string): boolean {
    if (!this.items.delete(id)) return false;
    this.seqs.delete(id);
    rmSync(join(this.dir, `${safeName(id)}.json`), { force: true });
    return true;
  }
}

/** Append-only JSONL logs, one per key (e.g. the events of one job). */
export class JsonLogs<T> {
  private readonly cache = new Map<string, T[]>();
  private readonly dir: string;

  constructor(root: string, name: string) {
    this.dir = ensureDir(join(root, name));
  }

  read(key: string): T[] {
    let entries = this.cache.get(key);
    if (!entries) {
      entries = [];
      const path = join(this.dir, `${safeName(key)}.jsonl`);
      if (existsSync(path)) {
        for (const line of readFileSync(path, 'utf8').split('\n')) {
          if (!line) continue;
          try {
            entries.push(JSON.parse(line) as T);
          } catch {
            // A torn last line from a crash mid-append.
          }
        }
      }
      this.cache.set(key, entries);
    }
    return entries;
  }

  append(key: string, entry: T): void {
    this.read(key).push(entry);
    appendFileSync(join(this.dir, `${safeName(key)}.jsonl`), `${JSON.stringify(entry)}\n`);
  }
}

/** Opaque blobs (file contents, trained weights) by key. */
export class BlobStore {
  private readonly dir: string;

  constructor(root: string, name: string) {
    this.dir = ensureDir(join(root, name));
  }

  write(key: string, data: string | Uint8Array): void {
    writeFileAtomic(join(this.dir, safeName(key)), data);
  }

  read(key: string): Buffer | undefined {
    const path = join(this.dir, safeName(key));
    return existsSync(path) ? readFileSync(path) : undefined;
  }

  delete(key: string): void {
    rmSync(join(this.dir, safeName(key)), { force: true });
  }
}

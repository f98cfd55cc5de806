/** Human output for terminals, JSON for machines (`--json`). */

export interface Output {
  json: boolean;
  /** Prints a value: as JSON with --json, else through `human`. */
  result<T>(value: T, human: (value: T) => string): void;
  info(line: string): void;
}

export function createOutput(json: boolean, stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): Output {
  return {
    json,
    result(value, human) {
      stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human(value)}\n`);
    },
    info(line) {
      // Progress and notes go to stderr so stdout stays parseable.
      stderr.write(`${line}\n`);
    },
  };
}

/** A plain aligned table. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '-' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (c ?? '').padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

import cliProgress from 'cli-progress';

/** A progress bar on stderr for terminals; occasional plain lines when stderr is not a TTY. */
export interface Progress {
  update(done: number, payload?: Record<string, string | number>): void;
  stop(): void;
}

export function createProgress(label: string, total: number, quiet = false): Progress {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} {detail}`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { detail: '' });
    return {
      update: (done, payload) =>
        bar.update(done, { detail: payload ? Object.entries(payload).map(([k, v]) => `${k}=${v}`).join(' ') : '' }),
      stop: () => bar.stop(),
    };
  }
  let lastPct = -1;
  return {
    update(done, payload) {
      const pct = total ? Math.floor((done / total) * 10) * 10 : 100;
      if (pct === lastPct) return;
      lastPct = pct;
      const extra = payload ? ` ${Object.entries(payload).map(([k, v]) => `${k}=${v}`).join(' ')}` : '';
      process.stderr.write(`${label}: ${done}/${total} (${pct}%)${extra}\n`);
    },
    stop: () => undefined,
  };
}

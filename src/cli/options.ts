import type { Command } from './command.js';

/** Checking a command's arguments: a UsageError prints its message and exits 2. */

export class UsageError extends Error {
  override name = 'UsageError';
}

/** An enum flag, case-insensitive, `-` for `_` (`--stage candidate`). */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  const upper = String(value).toUpperCase().replace(/-/g, '_');
  if (!(allowed as readonly string[]).includes(upper)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}`);
  return upper as T;
}

export function numberOption(value: unknown, flag: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (String(value).trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) throw new UsageError(`${flag} must be ${integer ? 'a whole number' : 'a number'}`);
  return n;
}

export const usageGuard =
  (run: Command['run']): Command['run'] =>
  async (ctx) => {
    try {
      return await run(ctx);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
  };

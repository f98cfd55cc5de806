/** A small leveled logger writing JSON lines to stderr; values that look like secrets are redacted. */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

const SECRET_PATTERNS = [/stk_[A-Za-z0-9_-]{8,}/g, /sk-[A-Za-z0-9_-]{8,}/g, /(mongodb(?:\+srv)?:\/\/[^:/@\s]+:)[^@\s]+@/g];

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce(
    (s, re) => s.replace(re, (m, userPart?: string) => (typeof userPart === 'string' && m.startsWith('mongodb') ? `${userPart}***@` : `${m.slice(0, 4)}***`)),
    text,
  );
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export function createLogger(level: LogLevel = 'info', base: Record<string, unknown> = {}): Logger {
  const write = (at: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[at] < ORDER[level]) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level: at, msg, ...base, ...fields }, (_k, v: unknown) =>
      v instanceof Error ? { name: v.name, message: v.message } : v,
    );
    process.stderr.write(`${redact(line)}\n`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }),
  };
}

import type { ApiClient } from './client.js';
import type { Output } from './output.js';

/** One `slabtune <name>` subcommand. Options are parsed with node:util parseArgs. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options?: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean }>;
  /** Whether the command talks to the API (so needs a URL and key). */
  needsApi?: boolean;
  /** A command that parses its own arguments and talks to no API (e.g. the standalone provider). */
  standalone?: (argv: string[]) => Promise<number>;
  run(ctx: {
    args: string[];
    options: Record<string, string | boolean | string[] | undefined>;
    api: ApiClient;
    out: Output;
  }): Promise<number | void>;
}

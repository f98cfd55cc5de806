import type { Command } from '../command.js';
import { seedCommand } from './seed.js';
import { statsCommand } from './stats.js';

/** Every `slabtune` subcommand, in the order `slabtune --help` lists them. */
export const commands: Command[] = [statsCommand, seedCommand];

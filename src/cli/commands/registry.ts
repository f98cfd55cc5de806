import type { Command } from '../command.js';
import { estimateCommand, exportCommand } from './datasets.js';
import { createCommand, listJobsCommand, statusCommand, uploadCommand, waitCommand } from './jobs.js';
import { localOpenAICommand } from './local-openai.js';
import { listModelsCommand } from './models.js';
import { seedCommand } from './seed.js';
import { statsCommand } from './stats.js';

/** Every `slabtune` subcommand, in the order `slabtune --help` lists them. */
export const commands: Command[] = [
  statsCommand,
  seedCommand,
  exportCommand,
  estimateCommand,
  uploadCommand,
  createCommand,
  statusCommand,
  waitCommand,
  listJobsCommand,
  listModelsCommand,
  localOpenAICommand,
];

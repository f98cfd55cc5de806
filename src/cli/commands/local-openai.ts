import { runLocalOpenAICli } from '../../local-openai/cli.js';
import type { Command } from '../command.js';

/** `slabtune local-openai --port N`: the OpenAI-compatible provider on its own, so it can be killed alone. */
export const localOpenAICommand: Command = {
  name: 'local-openai',
  summary: 'run the local OpenAI-compatible provider standalone (--port, --data-dir, --faults)',
  usage: 'local-openai [--port N] [--host H] [--data-dir D] [--faults JSON]',
  needsApi: false,
  standalone: runLocalOpenAICli,
  run: async () => 0,
};

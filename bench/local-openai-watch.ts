// Scratch: what a watcher polling every 200 ms sees with the default pacing.
import OpenAI, { toFile } from 'openai';
import { createGenerator } from '../src/services/generator/generator.js';
import { cardIdExample } from '../src/services/prompts/chat-format.js';
const baseURL = process.argv[2]!;
const client = new OpenAI({ apiKey: 'x', baseURL });
const lines = createGenerator({ seed: 1, pool: 'train' }).scans(200).map((s) => JSON.stringify(cardIdExample(s, s.card))).join('\n');
const file = await client.files.create({ file: await toFile(Buffer.from(lines), 't.jsonl'), purpose: 'fine-tune' });
const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id });
const seen: string[] = [];
let metrics = 0;
for (;;) {
  const j = await client.fineTuning.jobs.retrieve(job.id);
  const ev = await client.fineTuning.jobs.listEvents(job.id, { limit: 100 });
  metrics = ev.data.filter((e) => e.type === 'metrics').length;
  seen.push(`${j.status}:${metrics}`);
  if (['succeeded', 'failed', 'cancelled'].includes(j.status)) break;
  await new Promise((r) => setTimeout(r, 200));
}
console.log(seen.join(' '));

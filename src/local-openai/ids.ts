import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomString(length: number, alphabet: string): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** Ids shaped like OpenAI's: `file-…`, `ftjob-…`, `ftevent-…`, `ftckpt_…`, `chatcmpl-…`. */
export const newId = {
  file: () => `file-${randomString(22, ALPHABET)}`,
  job: () => `ftjob-${randomString(24, ALPHABET)}`,
  event: () => `ftevent-${randomString(24, ALPHABET)}`,
  checkpoint: () => `ftckpt_${randomString(24, ALPHABET)}`,
  completion: () => `chatcmpl-${randomString(29, ALPHABET)}`,
  /** The last segment of a fine-tuned model name: `ft:<base>:<org>:<suffix>:<8 chars>`. */
  modelTag: () => randomString(8, LOWER),
};

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

import { countChatTokens } from './tokens.js';

/**
 * The cookbook's format checks ("Data preparation and analysis for chat model fine-tuning"),
 * counted per example with the cookbook's error classes, plus the per-example token limit
 * (examples over it are truncated in training and billed at the limit, as OpenAI does).
 */

export const FORMAT_ERRORS = [
  'invalid_json',
  'data_type',
  'missing_messages_list',
  'message_missing_key',
  'message_unrecognized_key',
  'unrecognized_role',
  'missing_content',
  'example_missing_assistant_message',
] as const;
export type FormatError = (typeof FORMAT_ERRORS)[number];

const ALLOWED_KEYS = new Set(['role', 'content', 'name', 'function_call', 'weight']);
const ROLES = new Set(['system', 'user', 'assistant', 'function']);

export interface TrainingMessage {
  role: 'system' | 'user' | 'assistant' | 'function';
  content: string;
  name?: string;
  weight?: number;
}

export interface TrainingExample {
  messages: TrainingMessage[];
}

export interface ValidationReport {
  ok: boolean;
  examples: TrainingExample[];
  /** Tokens per example by the cookbook's count, before truncation. */
  tokens: number[];
  /** Σ min(limit, tokens): what one epoch bills. */
  billableTokensPerEpoch: number;
  /** Line numbers (1-based) per error class. */
  errors: Partial<Record<FormatError, number[]>>;
  warnings: string[];
  /** Why the file cannot be used, naming the problem and the line counts; null when ok. */
  message: string | null;
}

function checkExample(value: unknown): FormatError | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'data_type';
  const messages = (value as { messages?: unknown }).messages;
  if (!Array.isArray(messages) || messages.length === 0) return 'missing_messages_list';
  let hasAssistant = false;
  for (const message of messages) {
    if (typeof message !== 'object' || message === null) return 'data_type';
    const m = message as Record<string, unknown>;
    if (!('role' in m) || !('content' in m)) return 'message_missing_key';
    if (Object.keys(m).some((k) => !ALLOWED_KEYS.has(k))) return 'message_unrecognized_key';
    if (typeof m.role !== 'string' || !ROLES.has(m.role)) return 'unrecognized_role';
    if ((typeof m.content !== 'string' || m.content.length === 0) && !m.function_call) return 'missing_content';
    if (m.role === 'assistant') hasAssistant = true;
  }
  return hasAssistant ? null : 'example_missing_assistant_message';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function lineList(lines: number[]): string {
  const shown = lines.slice(0, 5).join(', ');
  return lines.length > 5 ? `${shown}, …` : shown;
}

export function validateTrainingFile(
  content: string,
  options: { maxTokensPerExample: number; minExamples: number },
): ValidationReport {
  const errors: Partial<Record<FormatError, number[]>> = {};
  const examples: TrainingExample[] = [];
  const tokens: number[] = [];
  const warnings: string[] = [];
  let missingSystem = 0;
  let missingUser = 0;
  const lines = content.split(/\r?\n/);
  let lineCount = 0;
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    lineCount++;
    let parsed: unknown;
    let error: FormatError | null;
    try {
      parsed = JSON.parse(line);
      error = checkExample(parsed);
    } catch {
      error = 'invalid_json';
    }
    if (error) {
      (errors[error] ??= []).push(index + 1);
      return;
    }
    const example = parsed as TrainingExample;
    examples.push(example);
    tokens.push(countChatTokens(example.messages));
    if (!example.messages.some((m) => m.role === 'system')) missingSystem++;
    if (!example.messages.some((m) => m.role === 'user')) missingUser++;
  });

  const limit = options.maxTokensPerExample;
  const over = tokens.filter((t) => t > limit).length;
  if (over) warnings.push(`${plural(over, 'example')} over the ${limit}-token limit will be truncated to the limit`);
  if (missingSystem) warnings.push(`${plural(missingSystem, 'example')} without a system message`);
  if (missingUser) warnings.push(`${plural(missingUser, 'example')} without a user message`);

  const errorLines = Object.values(errors).reduce((n, l) => n + l.length, 0);
  let message: string | null = null;
  if (lineCount === 0) {
    message = 'The training file is empty: it has 0 lines.';
  } else if (errorLines > 0) {
    const detail = (Object.entries(errors) as Array<[FormatError, number[]]>)
      .map(([kind, at]) => `${kind} on ${plural(at.length, 'line')} (${lineList(at)})`)
      .join('; ');
    message = `Invalid file format: ${errorLines} of ${plural(lineCount, 'line')} have errors: ${detail}.`;
  } else if (examples.length < options.minExamples) {
    message = `The training file has ${plural(examples.length, 'example')} (${plural(lineCount, 'line')}), but at least ${options.minExamples} are required.`;
  }
  return {
    ok: message === null,
    examples,
    tokens,
    billableTokensPerEpoch: tokens.reduce((sum, t) => sum + Math.min(limit, t), 0),
    errors,
    warnings,
    message,
  };
}

/** OpenAI's default epochs: 3, raised for small files, lowered for huge ones. */
export function defaultEpochs(n: number): number {
  const target = 3;
  if (n * target < 100) return Math.min(25, Math.floor(100 / n));
  if (n * target > 25_000) return Math.max(1, Math.floor(25_000 / n));
  return target;
}

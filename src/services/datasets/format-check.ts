import type { ChatMessageLike, ChatTokenCounter } from '../tokens/count.js';
import { TokenStats, type TokenSummary } from '../tokens/stats.js';

/**
 * OpenAI chat fine-tuning format validation, with the error classes of the cookbook notebook
 * "Data preparation and analysis for chat model fine-tuning", plus `invalid_json` for a line
 * that does not parse (the cookbook starts from parsed lines).
 *
 * Counting rule: an example counts at most once per error class (the cookbook counts some
 * classes per message); `examplesWithErrors` counts examples with any error. A file is only
 * valid when no example has an error: OpenAI rejects the whole file otherwise.
 */

export const FORMAT_ERROR_CLASSES = [
  'invalid_json',
  'data_type',
  'missing_messages_list',
  'message_missing_key',
  'message_unrecognized_key',
  'unrecognized_role',
  'missing_content',
  'example_missing_assistant_message',
] as const;
export type FormatErrorClass = (typeof FORMAT_ERROR_CLASSES)[number];

export const ALLOWED_MESSAGE_KEYS: ReadonlySet<string> = new Set(['role', 'content', 'name', 'function_call', 'weight']);
export const ALLOWED_ROLES: ReadonlySet<string> = new Set(['system', 'user', 'assistant', 'function']);
/** OpenAI refuses a training file with fewer examples. */
export const OPENAI_MIN_EXAMPLES = 10;

export interface ExampleCheck {
  errors: FormatErrorClass[];
  /** Warnings of the cookbook: the example has no system / no user message. */
  missingSystem: boolean;
  missingUser: boolean;
  /** The messages, when the example is well-formed enough to count tokens of. */
  messages: ChatMessageLike[] | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one parsed JSONL value. */
export function checkExample(value: unknown): ExampleCheck {
  const errors = new Set<FormatErrorClass>();
  if (!isObject(value)) return { errors: ['data_type'], missingSystem: false, missingUser: false, messages: null };
  const messages = value.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    return { errors: ['missing_messages_list'], missingSystem: false, missingUser: false, messages: null };
  }
  let hasSystem = false;
  let hasUser = false;
  let hasAssistant = false;
  for (const message of messages) {
    if (!isObject(message)) {
      // Not in the cookbook (it would crash): a message that is not an object has neither key.
      errors.add('message_missing_key');
      errors.add('unrecognized_role');
      errors.add('missing_content');
      continue;
    }
    if (!('role' in message) || !('content' in message)) errors.add('message_missing_key');
    for (const key in message) {
      if (!ALLOWED_MESSAGE_KEYS.has(key)) {
        errors.add('message_unrecognized_key');
        break;
      }
    }
    const role = message.role;
    if (typeof role !== 'string' || !ALLOWED_ROLES.has(role)) errors.add('unrecognized_role');
    const content = message.content;
    // The cookbook's test, literally: `(not content and not function_call) or not isinstance(content, str)`.
    if ((!content && !message.function_call) || typeof content !== 'string') errors.add('missing_content');
    if (role === 'system') hasSystem = true;
    else if (role === 'user') hasUser = true;
    else if (role === 'assistant') hasAssistant = true;
  }
  if (!hasAssistant) errors.add('example_missing_assistant_message');
  return {
    errors: [...errors],
    missingSystem: !hasSystem,
    missingUser: !hasUser,
    messages: errors.size === 0 ? (messages as ChatMessageLike[]) : null,
  };
}

/** Parses and checks one line of a JSONL file. */
export function checkLine(line: string): ExampleCheck {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { errors: ['invalid_json'], missingSystem: false, missingUser: false, messages: null };
  }
  return checkExample(value);
}

export interface FileCheckOptions {
  counter: ChatTokenCounter;
  /** Per-example token limit of the target model (`lookupModel(...).maxTokensPerExample`). */
  tokenLimit: number;
  minExamples?: number;
  /** How many erroneous lines to list by number. */
  maxErrorLines?: number;
}

export interface FileCheckReport {
  /** Lines read, blank ones included (each one is an example to OpenAI). */
  examples: number;
  validExamples: number;
  examplesWithErrors: number;
  errors: Record<FormatErrorClass, number>;
  /** 1-based line numbers and classes of the first erroneous lines. */
  firstErrors: { line: number; errors: FormatErrorClass[] }[];
  warnings: { missingSystem: number; missingUser: number; overTokenLimit: number };
  /** Over valid examples only. */
  tokens: TokenSummary;
  minExamples: { have: number; need: number; ok: boolean };
  /** No errors and enough valid examples. */
  ok: boolean;
}

const zeroErrors = (): Record<FormatErrorClass, number> =>
  Object.fromEntries(FORMAT_ERROR_CLASSES.map((c) => [c, 0])) as Record<FormatErrorClass, number>;

/** Accumulates line checks; synchronous, so it can sit inside a Transform or a plain loop. */
export class FormatChecker {
  private examples = 0;
  private examplesWithErrors = 0;
  private readonly errors = zeroErrors();
  private readonly firstErrors: { line: number; errors: FormatErrorClass[] }[] = [];
  private readonly warnings = { missingSystem: 0, missingUser: 0, overTokenLimit: 0 };
  private readonly tokens: TokenStats;
  private readonly minExamples: number;
  private readonly maxErrorLines: number;

  constructor(private readonly options: FileCheckOptions) {
    this.tokens = new TokenStats(options.tokenLimit);
    this.minExamples = options.minExamples ?? OPENAI_MIN_EXAMPLES;
    this.maxErrorLines = options.maxErrorLines ?? 5;
  }

  /** Checks the next line; returns its check and, for a valid example, its token count. */
  addLine(line: string): ExampleCheck & { tokens: number | null } {
    this.examples += 1;
    const check = checkLine(line);
    if (check.missingSystem) this.warnings.missingSystem += 1;
    if (check.missingUser) this.warnings.missingUser += 1;
    if (check.errors.length > 0 || !check.messages) {
      this.examplesWithErrors += 1;
      for (const c of check.errors) this.errors[c] += 1;
      if (this.firstErrors.length < this.maxErrorLines) this.firstErrors.push({ line: this.examples, errors: check.errors });
      return { ...check, tokens: null };
    }
    const tokens = this.options.counter.countMessages(check.messages);
    this.tokens.add(tokens);
    if (tokens > this.options.tokenLimit) this.warnings.overTokenLimit += 1;
    return { ...check, tokens };
  }

  report(): FileCheckReport {
    const validExamples = this.examples - this.examplesWithErrors;
    const minOk = validExamples >= this.minExamples;
    return {
      examples: this.examples,
      validExamples,
      examplesWithErrors: this.examplesWithErrors,
      errors: { ...this.errors },
      firstErrors: this.firstErrors.map((e) => ({ ...e, errors: [...e.errors] })),
      warnings: { ...this.warnings },
      tokens: this.tokens.summary(),
      minExamples: { have: validExamples, need: this.minExamples, ok: minOk },
      ok: this.examplesWithErrors === 0 && minOk,
    };
  }
}

/** Checks a whole JSONL file given as a stream of lines (e.g. `readline` over a download stream). */
export async function checkJsonlLines(lines: AsyncIterable<string> | Iterable<string>, options: FileCheckOptions): Promise<FileCheckReport> {
  const checker = new FormatChecker(options);
  for await (const line of lines) checker.addLine(line);
  return checker.report();
}

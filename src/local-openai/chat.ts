import { get_encoding, type Tiktoken } from 'tiktoken';
import { invalidRequest, missingParameter } from './errors.js';
import { newId, nowSeconds } from './ids.js';
import type { ModelRegistry } from './models.js';
import { applyResponseFormat, type ResponseFormat } from './response-format.js';
import type { PromptMessage } from './trainer/predictor.js';
import { countChatTokens, countTokens } from './tokens.js';

/**
 * `POST /v1/chat/completions`: checks the request as OpenAI does (400 with `param`), asks the
 * model's predictor for a reply, enforces `response_format` and `max_completion_tokens`, and
 * counts `usage` with tiktoken. Models are deterministic: temperature and seed are accepted.
 */

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

export interface ChatRequest {
  model: string;
  messages: PromptMessage[];
  responseFormat: ResponseFormat | undefined;
  maxTokens: number | null;
  n: number;
  stream: boolean;
  includeUsage: boolean;
}

function text(content: unknown, index: number): string {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  if (Array.isArray(content)) {
    return content
      .map((part: unknown) => (typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string' ? part.text : ''))
      .join('');
  }
  throw invalidRequest(`Invalid type for 'messages[${index}].content': expected a string or an array of content parts.`, `messages[${index}].content`, 'invalid_type');
}

function parseResponseFormat(value: unknown): ResponseFormat | undefined {
  if (value === undefined || value === null) return undefined;
  const type = typeof value === 'object' && 'type' in value ? value.type : undefined;
  if (type === 'text' || type === 'json_object') return { type };
  if (type === 'json_schema') {
    const spec = (value as { json_schema?: unknown }).json_schema;
    if (typeof spec !== 'object' || spec === null) throw missingParameter('response_format.json_schema');
    if (typeof (spec as { name?: unknown }).name !== 'string') throw missingParameter('response_format.json_schema.name');
    return value as ResponseFormat;
  }
  throw invalidRequest(`Invalid value for 'response_format.type': expected 'text', 'json_object' or 'json_schema'.`, 'response_format.type', 'invalid_value');
}

export function parseChatRequest(body: unknown): ChatRequest {
  if (typeof body !== 'object' || body === null) throw invalidRequest('The request body must be a JSON object.');
  const b = body as Record<string, unknown>;
  if (typeof b.model !== 'string' || !b.model) throw missingParameter('model');
  if (b.messages === undefined) throw missingParameter('messages');
  if (!Array.isArray(b.messages)) throw invalidRequest(`Invalid type for 'messages': expected an array.`, 'messages', 'invalid_type');
  if (b.messages.length === 0) throw invalidRequest(`Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.`, 'messages', 'empty_array');
  const messages = b.messages.map((m: unknown, i): PromptMessage => {
    if (typeof m !== 'object' || m === null) throw invalidRequest(`Invalid type for 'messages[${i}]': expected an object.`, `messages[${i}]`, 'invalid_type');
    const role = (m as { role?: unknown }).role;
    if (typeof role !== 'string' || !ROLES.has(role)) {
      throw invalidRequest(`Invalid value for 'messages[${i}].role': expected one of system, developer, user, assistant, tool.`, `messages[${i}].role`, 'invalid_value');
    }
    return { role: role === 'developer' ? 'system' : role, content: text((m as { content?: unknown }).content, i) };
  });
  if (b.temperature !== undefined && b.temperature !== null && (typeof b.temperature !== 'number' || b.temperature < 0 || b.temperature > 2)) {
    throw invalidRequest(`Invalid 'temperature': expected a number from 0 to 2.`, 'temperature', 'invalid_value');
  }
  const n = b.n === undefined || b.n === null ? 1 : b.n;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 128) throw invalidRequest(`Invalid 'n': expected an integer from 1 to 128.`, 'n', 'invalid_value');
  const max = b.max_completion_tokens ?? b.max_tokens ?? null;
  if (max !== null && (typeof max !== 'number' || !Number.isInteger(max) || max < 1)) {
    const param = b.max_completion_tokens !== undefined ? 'max_completion_tokens' : 'max_tokens';
    throw invalidRequest(`Invalid '${param}': expected a positive integer.`, param, 'invalid_value');
  }
  const responseFormat = parseResponseFormat(b.response_format);
  if (responseFormat?.type === 'json_object' && !messages.some((m) => /json/i.test(m.content))) {
    throw invalidRequest(`'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.`, 'messages', 'invalid_value');
  }
  const streamOptions = b.stream_options as { include_usage?: unknown } | undefined;
  return {
    model: b.model,
    messages,
    responseFormat,
    maxTokens: max as number | null,
    n,
    stream: b.stream === true,
    includeUsage: streamOptions?.include_usage === true,
  };
}

let decoder: Tiktoken | undefined;
function truncateTokens(content: string, max: number): string {
  decoder ??= get_encoding('o200k_base');
  const tokens = decoder.encode_ordinary(content);
  return new TextDecoder().decode(decoder.decode(tokens.slice(0, max)));
}

export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: Array<{
    index: number;
    message: { role: 'assistant'; content: string; refusal: null; annotations: [] };
    logprobs: null;
    finish_reason: 'stop' | 'length';
  }>;
  usage: {
    prompt_tokens: number;
    completion_tokens: number;
    total_tokens: number;
    prompt_tokens_details: { cached_tokens: number; audio_tokens: number };
    completion_tokens_details: { reasoning_tokens: number; audio_tokens: number; accepted_prediction_tokens: number; rejected_prediction_tokens: number };
  };
  service_tier: 'default';
  system_fingerprint: string;
}

export function complete(models: ModelRegistry, request: ChatRequest): ChatCompletion {
  const predictor = models.predictor(request.model);
  let content = applyResponseFormat(predictor.reply(request.messages), request.responseFormat);
  let completionTokens = countTokens(content);
  let finish: 'stop' | 'length' = 'stop';
  if (request.maxTokens !== null && completionTokens > request.maxTokens) {
    content = truncateTokens(content, request.maxTokens);
    completionTokens = request.maxTokens;
    finish = 'length';
  }
  const promptTokens = countChatTokens(request.messages);
  const choices = Array.from({ length: request.n }, (_, index) => ({
    index,
    message: { role: 'assistant' as const, content, refusal: null, annotations: [] as [] },
    logprobs: null,
    finish_reason: finish,
  }));
  return {
    id: newId.completion(),
    object: 'chat.completion',
    created: nowSeconds(),
    model: request.model,
    choices,
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens * request.n,
      total_tokens: promptTokens + completionTokens * request.n,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
    service_tier: 'default',
    system_fingerprint: 'fp_slabtune_local',
  };
}

/** The same completion as server-sent `chat.completion.chunk` events (one content delta per choice). */
export function completionChunks(completion: ChatCompletion, includeUsage: boolean): unknown[] {
  const head = { id: completion.id, object: 'chat.completion.chunk', created: completion.created, model: completion.model, system_fingerprint: completion.system_fingerprint };
  const chunks: unknown[] = [];
  for (const choice of completion.choices) {
    chunks.push({ ...head, choices: [{ index: choice.index, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }] });
    chunks.push({ ...head, choices: [{ index: choice.index, delta: { content: choice.message.content }, logprobs: null, finish_reason: null }] });
    chunks.push({ ...head, choices: [{ index: choice.index, delta: {}, logprobs: null, finish_reason: choice.finish_reason }] });
  }
  if (includeUsage) chunks.push({ ...head, choices: [], usage: completion.usage });
  return chunks;
}

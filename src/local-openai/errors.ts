/**
 * OpenAI's error body: `{ error: { message, type, param, code } }`. Every non-2xx answer of the
 * provider is one of these, so the official SDK maps it to the same error classes it would
 * for api.openai.com (NotFoundError, BadRequestError, RateLimitError, …).
 */

export type ErrorType = 'invalid_request_error' | 'requests' | 'server_error';

export interface ErrorBody {
  error: { message: string; type: ErrorType; param: string | null; code: string | null };
}

export class OpenAIHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: ErrorType,
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'OpenAIHttpError';
  }

  body(): ErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** 400 for a request the caller must change; `param` names the offending parameter. */
export function invalidRequest(message: string, param: string | null = null, code: string | null = null): OpenAIHttpError {
  return new OpenAIHttpError(400, message, 'invalid_request_error', param, code);
}

export function missingParameter(param: string): OpenAIHttpError {
  return invalidRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
}

/** 404 as OpenAI words it for files and jobs (`code: null`). */
export function notFound(message: string, param: string | null = null): OpenAIHttpError {
  return new OpenAIHttpError(404, message, 'invalid_request_error', param, null);
}

export function modelNotFound(model: string): OpenAIHttpError {
  return new OpenAIHttpError(
    404,
    `The model \`${model}\` does not exist or you do not have access to it.`,
    'invalid_request_error',
    'model',
    'model_not_found',
  );
}

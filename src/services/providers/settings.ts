import type { Config } from '../../config.js';
import type { ProviderSettings } from './openai.js';

/**
 * Which provider the configuration asks for: Azure OpenAI when AZURE_OPENAI_ENDPOINT and a key
 * are set; OpenAI (or any compatible OPENAI_BASE_URL, e.g. a standalone local provider) when
 * OPENAI_API_KEY is set; otherwise the in-process local provider, whose base URL the caller
 * passes once it has started it.
 */
export function usesLocalProvider(config: Config): boolean {
  return !config.openai.apiKey;
}

export function providerSettings(config: Config, localBaseURL?: string): ProviderSettings {
  const { apiKey, baseURL, azureEndpoint, azureApiVersion, timeoutMs, maxRetries } = config.openai;
  if (apiKey && azureEndpoint) return { kind: 'azure', apiKey, azureEndpoint, azureApiVersion, timeoutMs, maxRetries };
  if (apiKey) return { kind: 'openai', apiKey, baseURL, timeoutMs, maxRetries };
  if (!localBaseURL) throw new Error('no OPENAI_API_KEY and no local provider: start the local provider first');
  return { kind: 'local', apiKey: 'local', baseURL: localBaseURL, timeoutMs, maxRetries };
}

import type { Caller } from '../services/auth/api-keys.js';
import type { Services } from '../services/services.js';

/** What every resolver sees, over HTTP and WebSocket alike. */
export interface Context {
  caller: Caller | null;
  services: Services;
  /** An id for logs and error reports; never the key. */
  requestId: string;
}

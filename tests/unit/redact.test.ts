import { describe, expect, it } from 'vitest';
import { redact } from '../../src/logger.js';

describe('log redaction', () => {
  it('hides API keys, OpenAI keys and database passwords', () => {
    const line = redact('key stk_abcdefghijklmnop sk-proj-abcdefghijkl mongodb://user:s3cret@host/db');
    expect(line).not.toContain('abcdefghijklmnop');
    expect(line).not.toContain('proj-abcdefghijkl');
    expect(line).not.toContain('s3cret');
    expect(line).toContain('mongodb://user:***@host/db');
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('config', () => {
  it('has working defaults for development', () => {
    const c = loadConfig({ HOME: '/home/x' });
    expect(c).toMatchObject({ env: 'development', port: 4000, dbName: 'slabtune', mongodbUri: undefined });
    expect(c.cacheDir).toBe('/home/x/.cache/slabtune');
  });

  it('names the bad variable when a value is invalid', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ MONGODB_URI: 'postgres://x' })).toThrow(/MONGODB_URI/);
    expect(() => loadConfig({ SLABTUNE_ADMIN_KEY: 'short' })).toThrow(/SLABTUNE_ADMIN_KEY/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ MONGODB_URI: '', OPENAI_API_KEY: ' ' })).toMatchObject({ mongodbUri: undefined, openai: { apiKey: undefined } });
  });

  it('never includes a secret value in its error message', () => {
    try {
      loadConfig({ SLABTUNE_ADMIN_KEY: 'stk_x', PORT: '-1' });
    } catch (err) {
      expect((err as Error).message).not.toContain('stk_x');
    }
  });
});

import type { Config } from '../../config.js';
import type { ApiKeyService } from './api-keys.js';

/**
 * The first admin key: SLABTUNE_ADMIN_KEY when set; in development, when none is set and no
 * admin exists yet, one is created and returned so start-up can print it once.
 */
export async function bootstrapAdminKey(apiKeys: ApiKeyService, config: Config): Promise<string | null> {
  if (config.adminKey) {
    await apiKeys.ensureKey(config.adminKey, 'admin (SLABTUNE_ADMIN_KEY)', 'ADMIN');
    return null;
  }
  if (config.production || (await apiKeys.hasActiveAdmin())) return null;
  const { key } = await apiKeys.create({ name: 'first admin (created at start-up)', role: 'ADMIN', createdBy: null });
  return key;
}

import { createPubSub } from 'graphql-yoga';

/**
 * In-process pub/sub. Topics name what happened. Several API instances would share a Redis
 * event target here (createPubSub({ eventTarget })); not wired yet.
 */
export type Topics = {
  'samples:changed': [{ at: Date }];
};

export function createEvents() {
  return createPubSub<Topics>();
}

export type Events = ReturnType<typeof createEvents>;

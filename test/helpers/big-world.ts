import type { World } from '../../src/adapters/demo-world.js';
import { HOUR, story } from './world.js';

/** `count` followed accounts with one story each, the newest first in account order. */
export function bigWorld(count: number, now: number): World {
  const world: World = { me: 'me', accounts: [{ id: 'me', name: 'Me' }], follows: [], stories: [], views: [], comments: [], sounds: [] };
  for (let i = 0; i < count; i++) {
    const id = `acc${String(i).padStart(5, '0')}`;
    world.accounts.push({ id, name: `Account ${i}` });
    world.follows.push(['me', id]);
    world.stories.push({ ...story(`${id}-s`, 'alice', now - 1000 - i * 1000), author: { id, name: `Account ${i}` } });
  }
  return world;
}

export { HOUR };

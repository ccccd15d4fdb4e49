import type { World } from '../../src/adapters/demo-world.js';
import type { Author, Story } from '../../src/model/types.js';

export const HOUR = 60 * 60 * 1000;
const photo = '/fixtures/media/photos/sunrise.jpg';

export const people: Record<string, Author> = {
  viewer: { id: 'viewer', name: 'Vera Viewer' },
  alice: { id: 'alice', name: 'Alice Adams', avatar: '/fixtures/media/avatars/avatar-1.jpg' },
  bob: { id: 'bob', name: 'Bob Brown' },
  carol: { id: 'carol', name: 'Carol Chen' },
  dave: { id: 'dave', name: 'Dave Dunn' },
  erin: { id: 'erin', name: 'Erin Eze' },
};

export function story(id: string, author: string, createdAt: number, extra: Partial<Story> = {}): Story {
  return { id, author: people[author], createdAt, expiresAt: createdAt + 24 * HOUR, media: { kind: 'image', src: photo, alt: id }, ...extra };
}

/**
 * The world every adapter test starts from, at time `now`: `viewer` follows alice, bob,
 * carol and erin (whose only story has expired) but not dave; viewer has a story of their own.
 */
export function testWorld(now: number): World {
  return {
    me: 'viewer',
    accounts: Object.values(people),
    follows: [
      ['viewer', 'alice'],
      ['viewer', 'bob'],
      ['viewer', 'carol'],
      ['viewer', 'erin'],
      ['alice', 'viewer'],
    ],
    stories: [
      story('a1', 'alice', now - 5 * HOUR),
      story('a2', 'alice', now - 1 * HOUR),
      story('b1', 'bob', now - 2 * HOUR),
      story('c1', 'carol', now - 23 * HOUR),
      story('e1', 'erin', now - 25 * HOUR),
      story('d1', 'dave', now - 1 * HOUR),
      story('v1', 'viewer', now - 3 * HOUR),
      story('v2', 'viewer', now - 2 * HOUR, { commentsEnabled: false }),
    ],
    views: [{ storyId: 'v1', viewerId: 'bob', viewedAt: now - 2 * HOUR }],
    comments: [{ id: 'k1', storyId: 'a1', author: people.bob, text: 'Nice!', createdAt: now - 4 * HOUR }],
    sounds: [{ id: 'chime', src: '/fixtures/media/sounds/chime.m4a', title: 'Morning chime' }],
  };
}

/** Calls a /__test route of the stories server (testing mode) mounted at /api. */
export async function testApi(path: string, body?: unknown, method = 'POST'): Promise<Response> {
  const response = await fetch(`/api/__test/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /api/__test/${path} answered ${response.status}`);
  return response;
}

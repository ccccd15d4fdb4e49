import type { Author, Reel } from 'stories-kit';

// The example's stories, made when the page loads: a story is live for 24 hours after it was
// posted, so fixed dates in a file would have vanished by tomorrow. Media are in public/media/.
const HOUR = 3_600_000;

export const ana: Author = { id: 'ana', name: 'Ana Lima', handle: 'ana', avatar: '/media/avatar-1.jpg' };
const bruno: Author = { id: 'bruno', name: 'Bruno Costa', handle: 'bruno', avatar: '/media/avatar-2.jpg' };
const chiara: Author = { id: 'chiara', name: 'Chiara Rossi', handle: 'chiara', avatar: '/media/avatar-3.jpg' };

export function exampleReels(now = Date.now()): Reel[] {
  const photo = (id: string, author: Author, hoursAgo: number, src: string, alt: string) => {
    const createdAt = now - hoursAgo * HOUR;
    return { id, author, createdAt, expiresAt: createdAt + 24 * HOUR, media: { kind: 'image' as const, src, alt } };
  };
  return [
    { author: ana, stories: [photo('ana-1', ana, 5, '/media/city.webp', 'City lights'), photo('ana-2', ana, 1, '/media/coffee.webp', 'Coffee')] },
    { author: bruno, stories: [photo('bruno-1', bruno, 3, '/media/sunrise.jpg', 'Sunrise')] },
    { author: chiara, stories: [photo('chiara-1', chiara, 2, '/media/coffee.webp', 'Coffee')] },
  ];
}

/** Who an author id names, for messages. */
export const nameOf = (reels: readonly Reel[], id: string) => reels.find((r) => r.author.id === id)?.author.name ?? id;

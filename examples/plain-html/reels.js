// The example's stories, made when the page loads: a story is live for 24 hours after it was
// posted, so fixed dates in a file would have vanished by tomorrow. Media are files of this folder.
const HOUR = 3_600_000;

/** @param {number} now */
export function exampleReels(now = Date.now()) {
  const ana = { id: 'ana', name: 'Ana Lima', handle: 'ana', avatar: 'media/avatar-1.jpg' };
  const bruno = { id: 'bruno', name: 'Bruno Costa', handle: 'bruno', avatar: 'media/avatar-2.jpg' };
  const chiara = { id: 'chiara', name: 'Chiara Rossi', handle: 'chiara', avatar: 'media/avatar-3.jpg' };
  const photo = (id, author, hoursAgo, src, alt) => ({ id, author, createdAt: now - hoursAgo * HOUR, media: { kind: 'image', src, alt } });
  return [
    { author: ana, stories: [photo('ana-1', ana, 5, 'media/city.webp', 'City lights'), photo('ana-2', ana, 1, 'media/coffee.webp', 'Coffee')] },
    { author: bruno, stories: [photo('bruno-1', bruno, 3, 'media/sunrise.jpg', 'Sunrise')] },
    { author: chiara, stories: [photo('chiara-1', chiara, 2, 'media/coffee.webp', 'Coffee')] },
  ];
}

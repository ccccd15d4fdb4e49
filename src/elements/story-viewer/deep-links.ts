import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Story } from '../../model/types.js';

type Host = ReactiveControllerHost & {
  /** The URL-hash key, or `off`. */
  deepLink: string;
  show(authorId?: string, storyId?: string): void;
};

/**
 * The viewer's deep links, `#<key>=<author>/<story>` in the page's URL: read when the
 * viewer connects (it opens there), written as stories change, removed when it closes.
 * Opening pushes one history entry of our own, marked with a token, so Back closes the
 * viewer and only our entry is ever popped; a link the page was opened with is replaced,
 * never pushed over.
 */
export class DeepLinks implements ReactiveController {
  #token: string | null = null;
  #fromUrl = false;

  /** `onGone`: Back (or the page) took the story out of the URL while it showed. */
  readonly #host: Host;
  readonly #onGone: () => void;

  constructor(host: Host, onGone: () => void) {
    (this.#host = host).addController(this);
    this.#onGone = onGone;
  }

  get key(): string | null {
    const key = this.#host.deepLink;
    return key && key !== 'off' ? key : null;
  }

  hostConnected(): void {
    addEventListener('popstate', this.#onPopState);
    const key = this.key;
    const [authorId, storyId] = (key && new URLSearchParams(location.hash.slice(1)).get(key)?.split('/')) || [];
    if (!authorId) return;
    this.#fromUrl = true;
    this.#host.show(authorId, storyId || undefined);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.#onPopState);
    // Removed while open: the story leaves the URL, so a reload does not reopen it.
    this.clear(true);
  }

  write(story: Story): void {
    const key = this.key;
    if (!key) return;
    const url = hashWith(key, `${story.author.id}/${story.id}`);
    if (this.#token || this.#fromUrl) history.replaceState(history.state, '', url);
    else {
      this.#token = crypto.randomUUID();
      history.pushState({ storiesKit: this.#token }, '', url);
    }
  }

  /** Removes our history entry (closing by the UI) or, when `replace`, just our hash. */
  clear(replace = false): void {
    const token = this.#token;
    const key = this.key;
    const fromUrl = this.#fromUrl;
    this.#token = null;
    this.#fromUrl = false;
    if ((!token && !fromUrl) || !key) return;
    const ours = (history.state as { storiesKit?: string } | null)?.storiesKit === token;
    if (ours && !replace) history.back();
    else if (new URLSearchParams(location.hash.slice(1)).has(key)) history.replaceState(history.state, '', hashWith(key, null));
  }

  #onPopState = (): void => {
    const key = this.key;
    if (key && !new URLSearchParams(location.hash.slice(1)).has(key)) {
      // History is as the person left it: nothing of ours to pop.
      this.#token = null;
      this.#onGone();
    }
  };
}

/** The page's URL with `key` set to `value` in its hash (or removed), other hash parameters kept. */
function hashWith(key: string, value: string | null): string {
  const params = new URLSearchParams(location.hash.slice(1));
  if (value === null) params.delete(key);
  else params.set(key, value);
  const hash = params.toString().replace(/%2F/g, '/');
  return `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
}

import { html, nothing, type TemplateResult } from 'lit';
import type { Words } from '../../i18n/words.js';
import type { MediaFailure } from '../../state/media-extras.js';
import type { Overlay, Reel, Story } from '../../model/types.js';
import { renderOverlay } from '../shared/overlays.js';
import { plainAvatar } from '../shared/plain-avatar.js';
import { icon } from './icons.js';
import type { Gestures } from './intents.js';

/** What the viewer's chrome shows. */
export interface ChromeState {
  now: { reel: Reel; story: Story; index: number } | null | undefined;
  /** The story's age, short ("2h"). */
  age: string;
  paused: boolean;
  muted: boolean;
  /** The browser started the story muted: "Tap for sound". */
  soundHint: boolean;
  /** The captions button, for a video with captions. */
  captions: unknown;
}

/**
 * What sits over the top of the story: one progress segment per story of the account, the
 * author (avatar, name, age) and the controls — pause, mute, captions, the page's `menu`
 * slot, close — and "Tap for sound" when the browser started the story muted.
 */
export function renderChrome(s: ChromeState, on: { pause: () => void; mute: () => void; close: () => void }, words: Words): TemplateResult {
  const now = s.now;
  return html`<div class="chrome">
    <div part="progress" class="progress" aria-hidden="true">
      ${(now?.reel.stories ?? []).map(
        (_s, i) => html`<div part="segment" class="segment ${i < now!.index ? 'done' : i === now!.index ? 'current' : ''}"><div class="fill"></div></div>`,
      )}
    </div>
    <div part="header" class="header">
      ${now
        ? html`${plainAvatar(now.reel.author, 32)}
            <span class="who">
              <span part="name" class="name">${now.reel.author.name}</span>
              <span part="time" class="time">${s.age}</span>
            </span>`
        : nothing}
      <span class="controls">
        <button part="pause-button" class="pause" type="button" aria-pressed=${s.paused ? 'true' : 'false'} aria-label=${words.t('viewer.pause')} @click=${on.pause}>
          ${icon(s.paused ? 'play' : 'pause')}
        </button>
        <button part="mute-button" class="mute" type="button" aria-pressed=${s.muted ? 'true' : 'false'} aria-label=${words.t('viewer.mute')} @click=${on.mute}>
          ${icon(s.muted ? 'muted' : 'sound')}
        </button>
        ${s.captions}
        <slot name="menu"></slot>
        <button part="close-button" class="close" type="button" aria-label=${words.t('viewer.close')} @click=${on.close}>${icon('close')}</button>
      </span>
    </div>
    ${s.soundHint ? html`<button part="sound-hint" class="hint" type="button" @click=${on.mute}>${words.t('viewer.soundHint')}</button>` : nothing}
  </div>`;
}

/** What the viewer's stage shows over the media. */
export interface StageState {
  /** Marked sensitive and not shown yet: the media is blurred under its warning (`veil`). */
  veiled: boolean;
  /** A panel covers the story: its overlays are out of reach. */
  covered: boolean;
  loading: boolean;
  /** Why the media failed, and the message id that says it. */
  failure: { reason: MediaFailure; id?: string } | null;
  overlays: readonly Overlay[];
  captions: unknown;
  veil: unknown;
}

/**
 * The area that takes taps, holds and swipes: the media (the stage puts it in `.media-box`),
 * the scrims that keep white text legible, the overlays, captions, the spinner, a content
 * warning's veil, and a failure in words with Try again where trying can help.
 */
export function renderStage(s: StageState, on: { gestures: Gestures; mention: (authorId: string) => void; retry: () => void }, words: Words): TemplateResult {
  const { failure } = s;
  return html`<div part="stage" class="stage" @pointerdown=${on.gestures.down} @pointermove=${on.gestures.move} @pointerup=${on.gestures.up} @pointercancel=${on.gestures.cancel}>
    <div class="media-box ${s.veiled ? 'veiled' : ''}"></div>
    <div part="scrim" class="scrim top"></div>
    <div part="scrim" class="scrim bottom"></div>
    ${s.veiled || failure ? nothing : html`<div class="overlays" ?inert=${s.covered}>${s.overlays.map((o) => renderOverlay(o, on.mention))}</div>`}
    ${s.captions}
    ${s.loading ? html`<div part="spinner" class="spinner" role="progressbar" aria-label=${words.t('viewer.loading')}></div>` : nothing}
    ${s.veil}
    ${failure
      ? html`<div part="error" class="error" role="alert">
          <p>${failure.id && words.t(failure.id)}</p>
          ${failure.reason === 'gone' || failure.reason === 'unsupported' ? nothing : html`<button type="button" class="retry" @click=${on.retry}>${words.t('viewer.retry')}</button>`}
        </div>`
      : nothing}
  </div>`;
}

/** "Paused. Story 3 of 7 by Ana Lima, 2 hours ago. Content warning: …", for screen readers. */
export function announcement(now: { reel: Reel; story: Story; index: number }, age: string, paused: boolean, veiled: boolean, words: Words): string {
  let story = words.t('viewer.story', { index: now.index + 1, count: now.reel.stories.length, name: now.reel.author.name, age });
  if (veiled) story = words.t('viewer.warned', { story, warning: now.story.contentWarning! });
  return paused ? words.t('viewer.paused', { story }) : story;
}

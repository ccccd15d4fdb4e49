import { html, nothing, type TemplateResult } from 'lit';
import { LIMITS } from '../../model/limits.js';
import { EFFECTS, type Effect, type Overlay, type Sound } from '../../model/types.js';
import { checkUrl } from '../../model/validate.js';
import { cssVars } from '../shared/css-vars.js';
import type { OverlayEditor } from './overlay-editing.js';
import type { SoundsController } from './sounds.js';
import type { ComposerTrack } from './story-composer.js';

/**
 * The composer's tools, each a panel: text (with colour and style), stickers, effects,
 * sounds, links, mentions, the content warning and captions. They read the composer's
 * state and change it, or call its actions for what changes the overlays.
 */

/** Emoji offered as stickers. */
const EMOJI = ['😀', '😍', '😂', '🔥', '❤️', '👏', '🎉', '☕', '🌅', '✨', '👀', '💯'];
/** Text colours offered, with the names a screen reader says (the viewer accepts any colour syntax). */
const COLORS: [value: string, name: string][] = [
  ['#ffffff', 'White'],
  ['#111111', 'Black'],
  ['#ffd54f', 'Yellow'],
  ['#ff6e6e', 'Red'],
  ['#7cd992', 'Green'],
  ['#6fb3ff', 'Blue'],
];
const TEXT_STYLES = ['plain', 'background', 'outline'] as const;
export type Panel = 'text' | 'sticker' | 'sound' | 'effect' | 'link' | 'mention' | 'sensitive' | 'captions';
/** Largest captions file taken (WebVTT is text: this is hours of captions). */
const MAX_TRACK_BYTES = 512 * 1024;


/** Where a new sticker may go, best first: the middle, then around it, clear of the header band. */
const STICKER_SPOTS: [number, number][] = [
  [0.5, 0.5],
  [0.5, 0.68],
  [0.5, 0.32],
  [0.27, 0.5],
  [0.73, 0.5],
  [0.27, 0.3],
  [0.73, 0.3],
  [0.27, 0.72],
  [0.73, 0.72],
  [0.5, 0.84],
  [0.27, 0.86],
  [0.73, 0.86],
];

/**
 * Where a new sticker goes in the composer's frame under `root`: the first of {@link STICKER_SPOTS} where it covers nothing
 * already on the story (text above all), else where it covers least.
 */
export function stickerSpot(root: HTMLElement | DocumentFragment): { x: number; y: number } {
  const frame = root.querySelector('.overlays')?.getBoundingClientRect();
  if (!frame?.width) return { x: 0.5, y: 0.5 };
  // A sticker's box at scale 1, as fractions of the frame (14cqi emoji, 24cqi images), with a margin.
  const half = { x: 0.13, y: 0.13 * (frame.width / frame.height) };
  const taken = [...root.querySelectorAll<HTMLElement>('.overlays .overlay')].map((el) => {
    const r = el.getBoundingClientRect();
    return { left: (r.left - frame.left) / frame.width, right: (r.right - frame.left) / frame.width, top: (r.top - frame.top) / frame.height, bottom: (r.bottom - frame.top) / frame.height, text: el.classList.contains('text') };
  });
  let best = STICKER_SPOTS[0];
  let least = Infinity;
  for (const spot of STICKER_SPOTS) {
    let covered = 0;
    for (const t of taken) {
      const w = Math.min(t.right, spot[0] + half.x) - Math.max(t.left, spot[0] - half.x);
      const h = Math.min(t.bottom, spot[1] + half.y) - Math.max(t.top, spot[1] - half.y);
      if (w > 0 && h > 0) covered += w * h * (t.text ? 4 : 1);
    }
    if (covered < least) [best, least] = [spot, covered];
    if (!covered) break;
  }
  return { x: best[0], y: best[1] };
}

/** Each tool's name (its button and its panel's) and its button's icon. */
const TOOL_NAMES: Record<Panel, string> = { text: 'Text', sticker: 'Sticker', sound: 'Sound', effect: 'Effect', link: 'Link', mention: 'Mention', sensitive: 'Sensitive', captions: 'Captions' };
const TOOL_ICONS: Record<Panel, string> = { text: 'Aa', sticker: '☺', sound: '♪', effect: '◐', link: '↗', mention: '@', sensitive: '!', captions: 'CC' };

/** The composer's state the tools read and set. */
export interface ToolHost {
  readonly overlays: readonly Overlay[];
  readonly selected: number | null;
  readonly stickers: readonly { src: string; alt: string }[];
  readonly renderRoot: HTMLElement | DocumentFragment;
  panel: Panel | null;
  effect: Effect;
  sound: Sound | null;
  error: string;
  contentWarning: string | null;
  tracks: ComposerTrack[];
}

/** What the tools change the overlays with, and search sounds with. */
export interface ToolActions {
  editor: OverlayEditor;
  sounds: SoundsController;
}

/** A field of the form whose submit event this is, trimmed; the page does not navigate. */
function submitted(event: Event, name: string): string {
  event.preventDefault();
  return ((event.target as HTMLFormElement).elements.namedItem(name) as HTMLInputElement).value.trim();
}

export function renderTool(panel: Panel, c: ToolHost, act: ToolActions): TemplateResult {
  switch (panel) {
    case 'text': {
      const editing = c.selected !== null && c.overlays[c.selected]?.kind === 'text' ? (c.overlays[c.selected] as Extract<Overlay, { kind: 'text' }>) : null;
      return html`<form
        class="text-form"
        @submit=${(e: Event) => {
          const text = submitted(e, 'text');
          if (!text) return;
          if (editing && c.selected !== null) {
            act.editor.update(c.selected, { text } as Partial<Overlay>);
            act.editor.focus(c.selected);
          } else act.editor.add({ kind: 'text', text, x: 0.5, y: 0.4, style: 'background', color: '#ffffff' });
          c.panel = null;
        }}
      >
        <label
          >Text
          <textarea
            name="text"
            rows="2"
            maxlength=${LIMITS.overlayText}
            .value=${editing?.text ?? ''}
            @input=${(e: Event) => {
              // Editing a text already on the story changes it there as you type.
              const text = (e.target as HTMLTextAreaElement).value;
              if (editing && c.selected !== null && text.trim()) act.editor.update(c.selected, { text } as Partial<Overlay>);
            }}
          ></textarea
        ></label>
        ${editing
          ? html`<fieldset class="swatches"><legend>Colour</legend>${COLORS.map(
                ([colour, name]) => html`<button type="button" class="swatch" ${cssVars({ '--_swatch': colour })} aria-label=${name} title=${name} aria-pressed=${editing.color === colour ? 'true' : 'false'} @click=${() => act.editor.update(c.selected!, { color: colour } as Partial<Overlay>)}></button>`,
              )}</fieldset>
              <fieldset class="styles"><legend>Style</legend>${TEXT_STYLES.map(
                (s) => html`<button type="button" aria-pressed=${(editing.style ?? 'plain') === s ? 'true' : 'false'} @click=${() => act.editor.update(c.selected!, { style: s } as Partial<Overlay>)}>${s}</button>`,
              )}</fieldset>
              <button type="button" @click=${() => act.editor.remove(c.selected!)}>Delete text</button>`
          : nothing}
        <button type="submit">${editing ? 'Done' : 'Add text'}</button>
      </form>`;
    }
    case 'sticker':
      return html`<div class="stickers" role="group" aria-label="Stickers">
        ${EMOJI.map((emoji) => html`<button type="button" class="emoji" aria-label=${`Sticker ${emoji}`} @click=${() => act.editor.add({ kind: 'sticker', emoji, ...stickerSpot(c.renderRoot) })}>${emoji}</button>`)}
        ${c.stickers
          .filter((s) => 'url' in checkUrl(s.src, 'image'))
          .map((s) => html`<button type="button" class="image-sticker" @click=${() => act.editor.add({ kind: 'sticker', src: s.src, alt: s.alt, ...stickerSpot(c.renderRoot) })}><img src=${s.src} alt=${s.alt} /></button>`)}
      </div>`;
    case 'effect':
      return html`<div class="effects" role="group" aria-label="Effects">
        ${EFFECTS.map((e) => html`<button type="button" aria-pressed=${c.effect === e ? 'true' : 'false'} @click=${() => (c.effect = e)}>${e}</button>`)}
      </div>`;
    case 'sound':
      return html`<div class="sounds">
        <label>Search sounds <input type="search" @input=${(e: Event) => void act.sounds.search((e.target as HTMLInputElement).value)} /></label>
        <ul class="sound-list">
          ${act.sounds.found.map(
            (s) => html`<li>
              <span class="sound-name">${s.title ?? 'Untitled'}${s.artist ? html` · ${s.artist}` : nothing}</span>
              <button type="button" @click=${() => act.sounds.play(s)}>Preview</button>
              <button type="button" aria-pressed=${c.sound?.src === s.src ? 'true' : 'false'} @click=${() => (c.sound = { ...s, start: 0 })}>Use</button>
            </li>`,
          )}
        </ul>
        ${c.sound
          ? html`<label>Start at (seconds) <input type="number" min="0" max=${Math.floor((c.sound.duration ?? 600_000) / 1000)} step="1" .value=${String((c.sound.start ?? 0) / 1000)} @change=${(e: Event) => (c.sound = { ...c.sound!, start: Math.max(0, Number((e.target as HTMLInputElement).value) || 0) * 1000 })} /></label>
              <button type="button" @click=${() => ((c.sound = null), act.sounds.stop())}>No sound</button>`
          : nothing}
      </div>`;
    case 'link':
      return html`<form
        class="link-form"
        @submit=${(e: Event) => {
          const url = submitted(e, 'url');
          const label = submitted(e, 'label') || url;
          const checked = checkUrl(url, 'link');
          if ('error' in checked) {
            c.error = `This link cannot be added: ${checked.error}.`;
            return;
          }
          c.error = '';
          act.editor.add({ kind: 'link', url: checked.url, label: label.slice(0, LIMITS.linkLabel), x: 0.5, y: 0.7 });
          c.panel = null;
        }}
      >
        <label>Link (https) <input name="url" type="url" required placeholder="https://" /></label>
        <label>Label <input name="label" maxlength=${LIMITS.linkLabel} /></label>
        <button type="submit">Add link</button>
      </form>`;
    case 'mention':
      return html`<form
        class="mention-form"
        @submit=${(e: Event) => {
          const handle = submitted(e, 'handle').replace(/^@/, '');
          if (!/^[\p{L}\p{N}_.]{1,30}$/u.test(handle)) {
            c.error = 'A mention is a handle of 1 to 30 letters, digits, dots or underscores.';
            return;
          }
          c.error = '';
          act.editor.add({ kind: 'mention', handle, x: 0.5, y: 0.6 });
          c.panel = null;
        }}
      >
        <label>Mention <input name="handle" placeholder="@handle" /></label>
        <button type="submit">Add mention</button>
      </form>`;
    case 'sensitive':
      return html`<div class="sensitive-form">
        <label class="check"
          ><input
            type="checkbox"
            .checked=${c.contentWarning !== null}
            @change=${(e: Event) => (c.contentWarning = (e.target as HTMLInputElement).checked ? (c.contentWarning ?? 'Sensitive content') : null)}
          />
          Mark as sensitive: viewers see a warning and choose to show it</label
        >
        ${c.contentWarning !== null
          ? html`<label
              >Warning
              <input maxlength=${LIMITS.contentWarning} .value=${c.contentWarning} @input=${(e: Event) => (c.contentWarning = (e.target as HTMLInputElement).value)} />
            </label>`
          : nothing}
      </div>`;
    case 'captions':
      return html`<div class="captions-form">
        <label
          >Captions file (WebVTT)
          <input type="file" accept=".vtt,text/vtt" @change=${(e: Event) => void pickTrack(e, c)} />
        </label>
        <label>Language <input name="lang" maxlength=${LIMITS.lang} .value=${document.documentElement.lang || navigator.language || 'en'} /></label>
        <ul class="track-list">
          ${c.tracks.map(
            (t, i) => html`<li>
              <span>${t.label} (${t.lang})</span>
              <button type="button" @click=${() => (c.tracks = c.tracks.filter((_t, j) => j !== i))}>Remove</button>
            </li>`,
          )}
        </ul>
      </div>`;
  }
}

/** A captions file chosen: checked to be WebVTT and small, then attached with its language. */
async function pickTrack(event: Event, c: ToolHost): Promise<void> {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  const lang = (c.renderRoot.querySelector<HTMLInputElement>('.captions-form input[name=lang]')?.value.trim() || 'en').slice(0, LIMITS.lang);
  if (file.size > MAX_TRACK_BYTES) {
    c.error = `This captions file is larger than ${MAX_TRACK_BYTES / 1024} kB.`;
    return;
  }
  const head = await file.slice(0, 16).text();
  if (!/^(\uFEFF)?WEBVTT/.test(head)) {
    c.error = 'Captions must be a WebVTT file (it starts with “WEBVTT”).';
    return;
  }
  c.error = '';
  const label = lang;
  c.tracks = [...c.tracks.filter((t) => t.lang !== lang), { blob: new Blob([file], { type: 'text/vtt' }), lang, label }].slice(0, LIMITS.tracks);
}

/** The toolbar of `tools` (aria-pressed on the open one) and the open tool's panel. */
export function renderToolbar(c: ToolHost, act: ToolActions, tools: Panel[], toggle: (tool: Panel) => void): TemplateResult {
  return html`<div part="toolbar" class="toolbar" role="toolbar" aria-label="Personalise">
      ${tools.map(
        (p) => html`<button type="button" class="tool" data-tool=${p} data-icon=${TOOL_ICONS[p]} aria-pressed=${c.panel === p ? 'true' : 'false'} @click=${() => toggle(p)}>${TOOL_NAMES[p]}</button>`,
      )}
    </div>
    ${c.panel ? html`<div part="panel" class="panel sheet" role="group" aria-label=${TOOL_NAMES[c.panel]}>${renderTool(c.panel, c, act)}</div>` : nothing}`;
}

import { html, nothing, type TemplateResult } from 'lit';
import type { Values, Words } from '../../i18n/words.js';
import { LIMITS } from '../../model/limits.js';
import { EFFECTS, type Effect, type Overlay, type Sound } from '../../model/types.js';
import { checkUrl } from '../../model/validate.js';
import { cssVars } from '../shared/css-vars.js';
import { amount } from './media-check.js';
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
/** Text colours offered, with the names a screen reader says (`composer.whiteColour`…; the viewer accepts any colour syntax). */
const COLORS: [value: string, name: string][] = [
  ['#ffffff', 'white'],
  ['#111111', 'black'],
  ['#ffd54f', 'yellow'],
  ['#ff6e6e', 'red'],
  ['#7cd992', 'green'],
  ['#6fb3ff', 'blue'],
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

/** Each tool's button's icon; its name (its button's and its panel's) is the message `composer.<tool>`. */
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

/** What the tools change the overlays with, search sounds with, and say things with. */
export interface ToolActions {
  editor: OverlayEditor;
  sounds: SoundsController;
  words: Words;
}

/** A field of the form whose submit event this is, trimmed; the page does not navigate. */
function submitted(event: Event, name: string): string {
  event.preventDefault();
  return ((event.target as HTMLFormElement).elements.namedItem(name) as HTMLInputElement).value.trim();
}

export function renderTool(panel: Panel, c: ToolHost, act: ToolActions): TemplateResult {
  const { words } = act;
  const t = (id: string, values?: Values) => words.t(id, values);
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
          >${t('composerTools.text')}
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
          ? html`<fieldset class="swatches"><legend>${t('composerTools.colour')}</legend>${COLORS.map(([colour, id]) => {
                const name = t(`composerTools.${id}Colour`);
                return html`<button type="button" class="swatch" ${cssVars({ '--_swatch': colour })} aria-label=${name} title=${name} aria-pressed=${editing.color === colour ? 'true' : 'false'} @click=${() => act.editor.update(c.selected!, { color: colour } as Partial<Overlay>)}></button>`;
              })}</fieldset>
              <fieldset class="styles"><legend>${t('composerTools.style')}</legend>${TEXT_STYLES.map(
                (s) => html`<button type="button" aria-pressed=${(editing.style ?? 'plain') === s ? 'true' : 'false'} @click=${() => act.editor.update(c.selected!, { style: s } as Partial<Overlay>)}>${t(`composerTools.${s}Style`)}</button>`,
              )}</fieldset>
              <button type="button" @click=${() => act.editor.remove(c.selected!)}>${t('composerTools.deleteText')}</button>`
          : nothing}
        <button type="submit">${t(editing ? 'composerTools.done' : 'composerTools.addText')}</button>
      </form>`;
    }
    case 'sticker':
      return html`<div class="stickers" role="group" aria-label=${t('composerTools.stickers')}>
        ${EMOJI.map((emoji) => html`<button type="button" class="emoji" aria-label=${t('composerTools.emojiSticker', { emoji })} @click=${() => act.editor.add({ kind: 'sticker', emoji, ...stickerSpot(c.renderRoot) })}>${emoji}</button>`)}
        ${c.stickers
          .filter((s) => 'url' in checkUrl(s.src, 'image'))
          .map((s) => html`<button type="button" class="image-sticker" @click=${() => act.editor.add({ kind: 'sticker', src: s.src, alt: s.alt, ...stickerSpot(c.renderRoot) })}><img src=${s.src} alt=${s.alt} /></button>`)}
      </div>`;
    case 'effect':
      return html`<div class="effects" role="group" aria-label=${t('composerTools.effects')}>
        ${EFFECTS.map((e) => html`<button type="button" aria-pressed=${c.effect === e ? 'true' : 'false'} @click=${() => (c.effect = e)}>${t(`composerTools.${e}Effect`)}</button>`)}
      </div>`;
    case 'sound':
      return html`<div class="sounds">
        <label>${t('composerTools.searchSounds')} <input type="search" @input=${(e: Event) => void act.sounds.search((e.target as HTMLInputElement).value)} /></label>
        <ul class="sound-list">
          ${act.sounds.found.map(
            (s) => html`<li>
              <span class="sound-name">${s.title ?? t('composerTools.untitled')}${s.artist ? html` · ${s.artist}` : nothing}</span>
              <button type="button" @click=${() => act.sounds.play(s)}>${t('composerTools.previewSound')}</button>
              <button type="button" aria-pressed=${c.sound?.src === s.src ? 'true' : 'false'} @click=${() => (c.sound = { ...s, start: 0 })}>${t('composerTools.useSound')}</button>
            </li>`,
          )}
        </ul>
        ${c.sound
          ? html`<label>${t('composerTools.soundStart')} <input type="number" min="0" max=${Math.floor((c.sound.duration ?? 600_000) / 1000)} step="1" .value=${String((c.sound.start ?? 0) / 1000)} @change=${(e: Event) => (c.sound = { ...c.sound!, start: Math.max(0, Number((e.target as HTMLInputElement).value) || 0) * 1000 })} /></label>
              <button type="button" @click=${() => ((c.sound = null), act.sounds.stop())}>${t('composerTools.noSound')}</button>`
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
            c.error = url.length > LIMITS.url ? t('composerTools.linkTooLong', { max: LIMITS.url }) : t('composerTools.linkNotHttps');
            return;
          }
          c.error = '';
          act.editor.add({ kind: 'link', url: checked.url, label: label.slice(0, LIMITS.linkLabel), x: 0.5, y: 0.7 });
          c.panel = null;
        }}
      >
        <label>${t('composerTools.linkField')} <input name="url" type="url" required placeholder="https://" /></label>
        <label>${t('composerTools.linkLabel')} <input name="label" maxlength=${LIMITS.linkLabel} /></label>
        <button type="submit">${t('composerTools.addLink')}</button>
      </form>`;
    case 'mention':
      return html`<form
        class="mention-form"
        @submit=${(e: Event) => {
          const handle = submitted(e, 'handle').replace(/^@/, '');
          if (!/^[\p{L}\p{N}_.]{1,30}$/u.test(handle)) {
            c.error = t('composerTools.badHandle');
            return;
          }
          c.error = '';
          act.editor.add({ kind: 'mention', handle, x: 0.5, y: 0.6 });
          c.panel = null;
        }}
      >
        <label>${t('composerTools.mention')} <input name="handle" placeholder=${t('composerTools.handle')} /></label>
        <button type="submit">${t('composerTools.addMention')}</button>
      </form>`;
    case 'sensitive':
      return html`<div class="sensitive-form">
        <label class="check"
          ><input
            type="checkbox"
            .checked=${c.contentWarning !== null}
            @change=${(e: Event) => (c.contentWarning = (e.target as HTMLInputElement).checked ? (c.contentWarning ?? t('composerTools.warningDefault')) : null)}
          />
          ${t('composerTools.markSensitive')}</label
        >
        ${c.contentWarning !== null
          ? html`<label
              >${t('composerTools.warning')}
              <input maxlength=${LIMITS.contentWarning} .value=${c.contentWarning} @input=${(e: Event) => (c.contentWarning = (e.target as HTMLInputElement).value)} />
            </label>`
          : nothing}
      </div>`;
    case 'captions':
      return html`<div class="captions-form">
        <label
          >${t('composerTools.captionsFile')}
          <input type="file" accept=".vtt,text/vtt" @change=${(e: Event) => void pickTrack(e, c, words)} />
        </label>
        <label>${t('composerTools.captionsLang')} <input name="lang" maxlength=${LIMITS.lang} .value=${words.lang} /></label>
        <ul class="track-list">
          ${c.tracks.map(
            (track, i) => html`<li>
              <span>${track.label} (${track.lang})</span>
              <button type="button" @click=${() => (c.tracks = c.tracks.filter((_t, j) => j !== i))}>${t('composerTools.removeTrack')}</button>
            </li>`,
          )}
        </ul>
      </div>`;
  }
}

/** A captions file chosen: checked to be WebVTT and small, then attached with its language. */
async function pickTrack(event: Event, c: ToolHost, words: Words): Promise<void> {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  const lang = (c.renderRoot.querySelector<HTMLInputElement>('.captions-form input[name=lang]')?.value.trim() || 'en').slice(0, LIMITS.lang);
  if (file.size > MAX_TRACK_BYTES) {
    c.error = words.t('composerTools.trackTooBig', { max: amount(words, MAX_TRACK_BYTES / 1024, 'kilobyte') });
    return;
  }
  const head = await file.slice(0, 16).text();
  if (!/^(\uFEFF)?WEBVTT/.test(head)) {
    c.error = words.t('composerTools.notWebVtt');
    return;
  }
  c.error = '';
  const label = lang;
  c.tracks = [...c.tracks.filter((t) => t.lang !== lang), { blob: new Blob([file], { type: 'text/vtt' }), lang, label }].slice(0, LIMITS.tracks);
}

/** The toolbar of `tools` (aria-pressed on the open one) and the open tool's panel. */
export function renderToolbar(c: ToolHost, act: ToolActions, tools: Panel[], toggle: (tool: Panel) => void): TemplateResult {
  const t = (id: string) => act.words.t(id);
  return html`<div part="toolbar" class="toolbar" role="toolbar" aria-label=${t('composerTools.tools')}>
      ${tools.map(
        (p) => html`<button type="button" class="tool" data-tool=${p} data-icon=${TOOL_ICONS[p]} aria-pressed=${c.panel === p ? 'true' : 'false'} @click=${() => toggle(p)}>${t(`composerTools.${p}`)}</button>`,
      )}
    </div>
    ${c.panel ? html`<div part="panel" class="panel sheet" role="group" aria-label=${t(`composerTools.${c.panel}`)}>${renderTool(c.panel, c, act)}</div>` : nothing}`;
}

import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Messages, Words } from '../../i18n/words.js';
import type { OverlayEditor } from './overlay-editing.js';
import type { OverlayGestures } from './overlay-gestures.js';

type Tools = typeof import('./tools.js');
/** One fetch for every composer on the page. */
let loading: Promise<Tools> | undefined;

/**
 * The composer's tools (`./tools.ts`), fetched the first time it opens, while the person
 * picks a photo or video; their words join the composer's English. If they cannot be
 * fetched the composer says so (a browser keeps that failure until the page is reloaded).
 */
export class ToolsLoader {
  /** The overlays' gestures, made when the tools arrive. */
  gestures?: OverlayGestures;
  failed = false;
  /** Settles once the tools are here or could not load. */
  ready?: Promise<void>;
  #tools?: Tools;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly english: Messages,
    private readonly editor: OverlayEditor,
  ) {}

  load(): void {
    const fetched = (loading ??= import('./tools.js').then((loaded) => {
      Object.assign(this.english, loaded.composerToolMessages);
      return loaded;
    }));
    this.ready ??= fetched.then(
      (loaded) => {
        this.#tools = loaded;
        this.gestures = new loaded.OverlayGestures(this.editor);
        this.host.requestUpdate();
      },
      () => {
        this.failed = true;
        this.host.requestUpdate();
      },
    );
  }

  /** What goes under the preview: `editing` (the toolbar and the footer) once the tools are here, else why they are not, else nothing yet. */
  render(words: Words, editing: (loaded: Tools) => TemplateResult): TemplateResult | typeof nothing {
    if (this.#tools) return editing(this.#tools);
    return this.failed ? html`<p part="error" class="error" role="alert">${words.t('composer.toolsFailed')}</p>` : nothing;
  }
}

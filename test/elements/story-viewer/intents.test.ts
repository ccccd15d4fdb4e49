import { expect } from '@open-wc/testing';
import { Gestures, keyIntent, type Intent } from '../../../src/elements/story-viewer/intents.js';

/** The intent of a key pressed on `on`, read while the real event is dispatched (its path is the browser's). */
function press(key: string, rtl: boolean, { shiftKey = false, on = document.body }: { shiftKey?: boolean; on?: HTMLElement } = {}): Intent | null | undefined {
  let intent: Intent | null | undefined;
  on.addEventListener('keydown', (e) => (intent = keyIntent(e, rtl)), { once: true });
  on.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, composed: true }));
  return intent;
}

describe('the viewer’s intents', () => {
  it('maps keys to moves in the reading direction, and leaves other keys alone', () => {
    expect(press('ArrowRight', false)).to.equal('next');
    expect(press('ArrowLeft', false)).to.equal('previous');
    expect(press('ArrowRight', true)).to.equal('previous');
    expect(press('ArrowLeft', true)).to.equal('next');
    expect(press('ArrowRight', false, { shiftKey: true })).to.equal('nextReel');
    expect(press('ArrowRight', true, { shiftKey: true })).to.equal('previousReel');
    expect(press('PageDown', true)).to.equal('nextReel');
    expect(press('PageUp', false)).to.equal('previousReel');
    expect(press(' ', false)).to.equal('pause');
    expect(press('K', false)).to.equal('pause');
    expect(press('m', false)).to.equal('mute');
    expect(press('x', false)).to.equal(null);
    expect(press('Enter', false)).to.equal(null);
  });

  it('leaves Space on a button to the button', () => {
    const button = document.createElement('button');
    document.body.append(button);
    try {
      expect(press(' ', false, { on: button })).to.equal(null);
      expect(press('k', false, { on: button })).to.equal('pause');
    } finally {
      button.remove();
    }
  });

  describe('gestures on a stage', () => {
    let stage: HTMLDivElement;
    let intents: (Intent | null)[];
    let rtl: boolean;
    let gestures: Gestures;

    beforeEach(() => {
      stage = document.createElement('div');
      stage.style.cssText = 'position:fixed;left:0;top:0;width:300px;height:500px';
      document.body.append(stage);
      intents = [];
      rtl = false;
      gestures = new Gestures((i) => intents.push(i), () => rtl);
      stage.addEventListener('pointerdown', gestures.down);
      stage.addEventListener('pointermove', gestures.move);
      stage.addEventListener('pointerup', gestures.up);
      stage.addEventListener('pointercancel', gestures.cancel);
    });
    afterEach(() => stage.remove());

    const pointer = (type: string, x: number, y: number) =>
      stage.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, pointerId: 1, isPrimary: true, button: 0, bubbles: true }));
    const tap = (x: number, y = 250) => {
      pointer('pointerdown', x, y);
      pointer('pointerup', x, y);
    };
    const drag = (x1: number, y1: number, x2: number, y2: number) => {
      pointer('pointerdown', x1, y1);
      pointer('pointermove', x2, y2);
      pointer('pointerup', x2, y2);
    };

    it('taps the left third back and the rest forward, mirrored right to left', () => {
      tap(50);
      tap(150);
      tap(280);
      rtl = true;
      tap(50);
      tap(280);
      expect(intents).to.deep.equal(['previous', 'next', 'next', 'next', 'previous']);
    });

    it('swipes sideways between accounts (content follows the finger) and down to close; a short drag asks for nothing', () => {
      drag(250, 250, 100, 260);
      drag(100, 250, 250, 240);
      drag(150, 100, 155, 300);
      drag(150, 250, 180, 260);
      rtl = true;
      drag(250, 250, 100, 260);
      expect(intents).to.deep.equal(['nextReel', 'previousReel', 'close', null, 'previousReel']);
    });

    it('holds after a press, releases wherever it ends, and a moved press is no hold', () => {
      // The clock is ours: pending timers run when the test says time has passed.
      const timers = new Map<number, () => void>();
      let id = 0;
      const { setTimeout: realSet, clearTimeout: realClear } = window;
      window.setTimeout = ((fn: () => void) => (timers.set(++id, fn), id)) as typeof setTimeout;
      window.clearTimeout = ((n: number) => void timers.delete(n)) as typeof clearTimeout;
      const elapse = () => [...timers].forEach(([n, fn]) => (timers.delete(n), fn()));
      try {
        pointer('pointerdown', 150, 250);
        expect(intents).to.deep.equal([]);
        elapse();
        expect(intents).to.deep.equal(['hold']);
        // Released far away (the pointer is captured): still the hold's end, not a swipe.
        pointer('pointerup', 150, 480);
        expect(intents).to.deep.equal(['hold', 'release']);
        intents.length = 0;
        pointer('pointerdown', 150, 250);
        pointer('pointermove', 150, 280);
        elapse();
        pointer('pointerup', 150, 280);
        expect(intents).to.deep.equal([null]);
        // A hold pending when the viewer closes never fires.
        pointer('pointerdown', 150, 250);
        gestures.stop();
        elapse();
        expect(intents).to.deep.equal([null]);
      } finally {
        window.setTimeout = realSet;
        window.clearTimeout = realClear;
      }
    });
  });
});

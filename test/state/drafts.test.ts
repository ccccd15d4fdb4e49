// The composer's drafts when this browser will not open their database (a refused
// IndexedDB, this page only): every caller is told, not only the one whose call opened it,
// and the drafts are still kept for the page's lifetime.
import { expect } from '@open-wc/testing';
import { discardDraft, loadDraft, saveDraft, type Draft } from '../../src/state/drafts.js';

const open = IDBFactory.prototype.open;
before(() => {
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    if (args[0] === 'stories-kit-drafts') throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    return open.apply(this, args);
  };
});
after(() => {
  IDBFactory.prototype.open = open;
});

const draft = (scope: string): Draft => ({ scope, media: null, overlays: [{ kind: 'text', text: 'Hello', x: 0.5, y: 0.5 }], effect: 'none', commentsEnabled: true, updatedAt: Date.now() });

describe('drafts without IndexedDB', () => {
  it("tells every caller's onFallback, each once, and keeps drafts in memory", async () => {
    const heard: string[] = [];
    const first = (reason: unknown) => heard.push(`first: ${(reason as DOMException).name}`);
    const second = (reason: unknown) => heard.push(`second: ${(reason as DOMException).name}`);
    // The first call opens the database (and falls back); the second caller comes later, as a second composer would.
    expect(await loadDraft('local|a', first)).to.equal(null);
    await saveDraft(draft('local|b'), second);
    await saveDraft(draft('local|a'), first);
    expect((await loadDraft('local|b', second))?.overlays.length).to.equal(1);
    expect(heard).to.deep.equal(['first: SecurityError', 'second: SecurityError']);
    await discardDraft('local|b');
    expect(await loadDraft('local|b', second)).to.equal(null);
  });
});

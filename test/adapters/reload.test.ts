import { expect } from '@open-wc/testing';
import { probeMessage as message } from '../helpers/frames.js';

describe('a real page reload', () => {
  it('keeps LocalAdapter data and seen state', async () => {
    const db = `reload-${crypto.randomUUID()}`;
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const written = message('write');
    frame.src = `/test/pages/reload-probe.html?db=${db}`;
    await written;
    const read = message('read');
    frame.contentWindow!.location.reload();
    const after = await read;
    expect(after.storage).to.equal('indexeddb');
    expect(after.comments).to.deep.equal(['Nice!', 'Written before the reload']);
    expect(after.seen).to.equal(true);
    expect(after.unseen).to.equal(false);
    frame.remove();
    indexedDB.deleteDatabase(db);
  });
});

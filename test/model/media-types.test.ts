import { expect } from '@open-wc/testing';
import { EXTENSION_TYPES, extensionOf, resolveMediaType } from '../../src/model/media-types.js';

describe('media types from file extensions', () => {
  it('reads the extension of a URL’s path, ignoring query, fragment and case', () => {
    expect(extensionOf('https://cdn.example.com/a/clip.MOV?sig=1.2#t=3')).to.equal('mov');
    expect(extensionOf('/media/photo.final.jpeg')).to.equal('jpeg');
    expect(extensionOf('/media/stream/9f3a')).to.equal('');
    expect(extensionOf('/media.dir/file')).to.equal('');
    expect(extensionOf('/media/.hidden')).to.equal('');
    expect(extensionOf('https://example.com')).to.equal('');
  });

  it('knows the image and video files feeds publish', () => {
    const kinds = Object.fromEntries(Object.entries(EXTENSION_TYPES).map(([ext, { kind }]) => [ext, kind]));
    expect(kinds).to.deep.equal({
      jpg: 'image', jpeg: 'image', png: 'image', webp: 'image', gif: 'image', avif: 'image',
      mp4: 'video', m4v: 'video', mov: 'video', webm: 'video', m3u8: 'video',
    });
  });

  it('lets the extension decide a contradicted kind', () => {
    expect(resolveMediaType('/v/1.mov', 'image/quicktime')).to.deep.equal({ kind: 'video', type: 'video/quicktime' });
    expect(resolveMediaType('/v/1.mp4', 'image/mp4')).to.deep.equal({ kind: 'video', type: 'video/mp4' });
    expect(resolveMediaType('/v/1.webm', 'image/webm')).to.deep.equal({ kind: 'video', type: 'video/webm' });
    for (const [ext, type] of [['jpg', 'image/jpeg'], ['png', 'image/png'], ['webp', 'image/webp'], ['gif', 'image/gif'], ['avif', 'image/avif']]) {
      expect(resolveMediaType(`/p/1.${ext}`, 'video/mp4'), ext).to.deep.equal({ kind: 'image', type });
    }
  });

  it('makes .m3u8 HLS whatever it was declared, and keeps a declared HLS type', () => {
    expect(resolveMediaType('/live/index.m3u8', 'video/mp4')).to.deep.equal({ kind: 'video', type: 'application/vnd.apple.mpegurl' });
    expect(resolveMediaType('/live/index.m3u8', 'image/jpeg')).to.deep.equal({ kind: 'video', type: 'application/vnd.apple.mpegurl' });
    expect(resolveMediaType('/live/index.m3u8', 'application/x-mpegURL')).to.deep.equal({ kind: 'video', type: 'application/x-mpegURL' });
    expect(resolveMediaType('/live/index.m3u8')).to.deep.equal({ kind: 'video', type: 'application/vnd.apple.mpegurl' });
    // An HLS type on an .mp4 file is as wrong as an image type.
    expect(resolveMediaType('/v/1.mp4', 'application/vnd.apple.mpegurl')).to.deep.equal({ kind: 'video', type: 'video/mp4' });
  });

  it('keeps a declared type of the right kind, even a loose one', () => {
    expect(resolveMediaType('/p/1.jpg', 'image/jpg')).to.deep.equal({ kind: 'image', type: 'image/jpg' });
    expect(resolveMediaType('/v/1.mov', 'video/mp4')).to.deep.equal({ kind: 'video', type: 'video/mp4' });
    expect(resolveMediaType('/p/1.PNG', ' image/png ')).to.deep.equal({ kind: 'image', type: 'image/png' });
  });

  it('keeps the declared type when the extension is unknown or missing', () => {
    expect(resolveMediaType('/media/stream/9f3a', 'video/webm')).to.deep.equal({ kind: 'video', type: 'video/webm' });
    expect(resolveMediaType('/media/pic.heic', 'image/heic')).to.deep.equal({ kind: 'image', type: 'image/heic' });
    expect(resolveMediaType('/live/play', 'application/vnd.apple.mpegurl')).to.deep.equal({ kind: 'video', type: 'application/vnd.apple.mpegurl' });
    expect(resolveMediaType('/media/clip.constructor', 'video/mp4')).to.deep.equal({ kind: 'video', type: 'video/mp4' });
  });

  it('gives no kind when neither says image or video', () => {
    expect(resolveMediaType('/media/podcast/12', 'audio/mpeg')).to.equal(undefined);
    expect(resolveMediaType('/media/stream', '')).to.equal(undefined);
    expect(resolveMediaType('/media/file.toString')).to.equal(undefined);
    expect(resolveMediaType(undefined, undefined)).to.equal(undefined);
    expect(resolveMediaType(42, 7)).to.equal(undefined);
  });
});

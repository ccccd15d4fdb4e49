// Uploaded media: what it really is (from its bytes), whether the rules allow it, photos
// cleaned of their metadata (EXIF GPS among it), and where the bytes are kept.
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { invalid, tooLarge } from './errors.mjs';

/**
 * The same limits as the composer's (src/model/media-rules.ts, MEDIA_RULES); a server test
 * reads that file and fails when the two drift apart.
 */
export const MEDIA_RULES = {
  imageTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
  videoTypes: ['video/mp4', 'video/webm', 'video/quicktime'],
  maxImageBytes: 15 * 1024 * 1024,
  maxVideoBytes: 100 * 1024 * 1024,
  maxVideoSeconds: 60,
};

/** The type of a file from its first bytes, or null when it is none we take. */
export function sniffType(bytes) {
  const b = bytes;
  const ascii = (start, end) => b.subarray(start, end).toString('latin1');
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'image/gif';
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'video/webm';
  if (b.length >= 12 && ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (brand === 'qt  ') return 'video/quicktime';
    // HEIC/AVIF photos are ISO boxes too, but not ones we take.
    if (/^(heic|heix|mif1|msf1|avif|avis)$/.test(brand)) return null;
    return 'video/mp4';
  }
  return null;
}

/**
 * Bytes read at positions, from a Buffer or from a file on disk (an upload is never read
 * whole to learn its length).
 * @typedef {{ size: number, read(position: number, length: number): Promise<Buffer> }} ByteSource
 */

/** @returns {ByteSource} */
export function bufferSource(bytes) {
  return { size: bytes.length, read: async (position, length) => bytes.subarray(position, Math.min(bytes.length, position + length)) };
}

/** A file opened for positional reads; `close()` when done. */
export async function fileSource(path) {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(position, length) {
      const n = Math.max(0, Math.min(length, size - position));
      const buffer = Buffer.alloc(n);
      if (n) await handle.read(buffer, 0, n, position);
      return buffer;
    },
    close: () => handle.close(),
  };
}

const asSource = (bytes) => (Buffer.isBuffer(bytes) ? bufferSource(bytes) : bytes);

/**
 * The length of an MP4/MOV in ms, from its movie header (`moov/mvhd`), or undefined when
 * it cannot be told without decoding. Reads box headers only.
 * @param {Buffer | ByteSource} bytes
 */
export async function mp4Duration(bytes) {
  const source = asSource(bytes);
  const box = async (start, end, type) => {
    for (let at = start, steps = 0; at + 8 <= end && steps < 10_000; steps++) {
      const head = await source.read(at, 16);
      if (head.length < 8) return undefined;
      let size = head.readUInt32BE(0);
      const name = head.toString('latin1', 4, 8);
      let header = 8;
      if (size === 1 && head.length >= 16) {
        size = Number(head.readBigUInt64BE(8));
        header = 16;
      } else if (size === 0) size = end - at;
      if (size < header) return undefined;
      if (name === type) return { start: at + header, end: Math.min(end, at + size) };
      at += size;
    }
    return undefined;
  };
  const moov = await box(0, source.size, 'moov');
  const mvhd = moov && (await box(moov.start, moov.end, 'mvhd'));
  if (!mvhd || mvhd.end - mvhd.start < 20) return undefined;
  const header = await source.read(mvhd.start, 32);
  const version = header[0];
  if (header.length < (version === 1 ? 32 : 20)) return undefined;
  const timescale = version === 1 ? header.readUInt32BE(20) : header.readUInt32BE(12);
  const duration = version === 1 ? Number(header.readBigUInt64BE(24)) : header.readUInt32BE(16);
  return timescale ? Math.round((duration / timescale) * 1000) : undefined;
}

// Matroska/WebM element ids (with their length marker, as written).
const EBML = { header: 0x1a45dfa3, segment: 0x18538067, info: 0x1549a966, timecodeScale: 0x2ad7b1, duration: 0x4489, cluster: 0x1f43b675, timecode: 0xe7, simpleBlock: 0xa3, blockGroup: 0xa0, block: 0xa1 };
// Children of a Segment: one of them ends a Cluster of unknown size.
const TOP_LEVEL = new Set([0x114d9b74, EBML.info, 0x1654ae6b, EBML.cluster, 0x1c53bb6b, 0x1043a770, 0x1941a469, 0x1254c367]);

/** An EBML variable-length integer at `at`: its length, value, and whether it says "unknown". */
function vint(bytes, at, keepMarker) {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === (0xff >> length);
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i];
    if (bytes[at + i] !== 0xff) allOnes = false;
  }
  return { length, value, unknown: !keepMarker && allOnes };
}

/**
 * The length of a WebM in ms: the Segment's Info/Duration when it is written, else (as in
 * recordings made by MediaRecorder, which write none) the last block's time, read from the
 * cluster and block headers alone. Undefined when it cannot be told.
 * @param {Buffer | ByteSource} bytes
 */
export async function webmDuration(bytes) {
  const source = asSource(bytes);
  const element = async (position) => {
    const head = await source.read(position, 12);
    const id = vint(head, 0, true);
    const size = id && vint(head, id.length, false);
    if (!size) return null;
    const start = position + id.length + size.length;
    return { id: id.value, start, end: size.unknown ? null : start + size.value };
  };
  const header = await element(0);
  if (header?.id !== EBML.header || header.end === null) return undefined;
  const segment = await element(header.end);
  if (segment?.id !== EBML.segment) return undefined;
  const segmentEnd = Math.min(segment.end ?? source.size, source.size);
  let scale = 1_000_000;
  let last = -1;
  let steps = 0;
  for (let at = segment.start; at < segmentEnd && steps < 2_000_000; steps++) {
    const child = await element(at);
    if (!child) break;
    if (child.id === EBML.info && child.end !== null) {
      let duration;
      for (let p = child.start; p < child.end; ) {
        const field = await element(p);
        if (!field || field.end === null) break;
        const value = await source.read(field.start, field.end - field.start);
        if (field.id === EBML.timecodeScale && value.length >= 1 && value.length <= 6) scale = value.readUIntBE(0, value.length);
        if (field.id === EBML.duration) duration = value.length === 4 ? value.readFloatBE(0) : value.length === 8 ? value.readDoubleBE(0) : undefined;
        p = field.end;
      }
      if (duration !== undefined && Number.isFinite(duration) && duration > 0) return Math.round((duration * scale) / 1_000_000);
      at = child.end;
    } else if (child.id === EBML.cluster) {
      // Cluster time plus each block's relative time; a cluster of unknown size ends where the next top-level element starts.
      let clusterTime = 0;
      let p = child.start;
      const end = child.end ?? segmentEnd;
      for (; p < end && steps < 2_000_000; steps++) {
        const field = await element(p);
        if (!field || (child.end === null && TOP_LEVEL.has(field.id))) break;
        if (field.end === null) return undefined;
        if (field.id === EBML.timecode) {
          const value = await source.read(field.start, Math.min(8, field.end - field.start));
          clusterTime = value.length ? Number(value.readUIntBE(0, Math.min(6, value.length))) : 0;
        } else if (field.id === EBML.simpleBlock || field.id === EBML.blockGroup) {
          let blockStart = field.start;
          if (field.id === EBML.blockGroup) {
            const inner = await element(field.start);
            if (inner?.id !== EBML.block) {
              p = field.end;
              continue;
            }
            blockStart = inner.start;
          }
          const block = await source.read(blockStart, 12);
          const track = vint(block, 0, false);
          if (track && block.length >= track.length + 2) last = Math.max(last, clusterTime + block.readInt16BE(track.length));
        }
        p = field.end;
      }
      at = p;
    } else {
      if (child.end === null) return undefined;
      at = child.end;
    }
  }
  return last >= 0 ? Math.round((last * scale) / 1_000_000) : undefined;
}

/**
 * Checks an upload against the rules and prepares it for storing. Photos (at most 15 MB)
 * are re-encoded without any metadata (location, camera, …), turned upright first, and
 * come back as bytes; videos stay in their file, and their length is read from it.
 * @param {{ path: string, size: number }} file The upload, spooled to a temporary file.
 * @returns {Promise<{ bytes?: Buffer, path?: string, type: string, kind: 'image' | 'video', fields: Record<string, unknown> }>}
 */
export async function prepareUpload(file, declaredKind) {
  if (!file.size) throw invalid('The file is empty');
  const source = await fileSource(file.path);
  try {
    const type = sniffType(await source.read(0, 16));
    if (!type) throw invalid('The file is not a photo or video this accepts (JPEG, PNG, WebP, GIF, MP4, WebM or MOV)');
    const kind = MEDIA_RULES.imageTypes.includes(type) ? 'image' : 'video';
    if (declaredKind && declaredKind !== kind) throw invalid(`The story says ${declaredKind} but the file is a ${kind === 'image' ? 'photo' : 'video'}`);
    const max = kind === 'image' ? MEDIA_RULES.maxImageBytes : MEDIA_RULES.maxVideoBytes;
    if (file.size > max) throw tooLarge(`${kind === 'image' ? 'Photos' : 'Videos'} can be at most ${max / 1048576} MB`);
    if (kind === 'video') {
      const duration = type === 'video/webm' ? await webmDuration(source) : await mp4Duration(source);
      if (duration !== undefined && duration > MEDIA_RULES.maxVideoSeconds * 1000 + 500) throw invalid(`Videos can be at most ${MEDIA_RULES.maxVideoSeconds} seconds long`);
      return { path: file.path, type, kind, fields: { kind, type, ...(duration ? { duration } : {}) } };
    }
    return await preparePhoto(await readFile(file.path), type);
  } finally {
    await source.close();
  }
}

async function preparePhoto(bytes, type) {
  const kind = 'image';
  const { default: sharp } = await import('sharp');
  let image = sharp(bytes, { animated: type === 'image/gif' || type === 'image/webp', limitInputPixels: 100_000_000 });
  let meta;
  try {
    meta = await image.metadata();
  } catch {
    throw invalid('The photo cannot be read');
  }
  // sharp writes no metadata unless asked to: the output carries no EXIF, XMP or IPTC.
  image = image.rotate();
  const format = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' }[type];
  const out = await image.toFormat(format, format === 'jpeg' ? { quality: 90, mozjpeg: true } : {}).toBuffer({ resolveWithObject: true });
  const swapped = (meta.orientation ?? 1) >= 5;
  const width = out.info.width ?? (swapped ? meta.height : meta.width);
  const height = out.info.pageHeight ?? out.info.height ?? (swapped ? meta.width : meta.height);
  return { bytes: out.data, type, kind, fields: { kind, type, width, height } };
}

/** Keys are ours (story ids and a suffix): nothing else can name a stored file. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,199}(\.[a-z0-9]{1,8})?$/;
export function checkKey(key) {
  if (typeof key !== 'string' || !KEY.test(key)) throw invalid('Not a media key');
  return key;
}

/**
 * @typedef {object} MediaStorage
 * @property {(key: string, bytes: Buffer, type: string) => Promise<void>} put
 * @property {(key: string, path: string, type: string) => Promise<void>} [putFile]
 *   Stores a file from disk (an upload spooled there), moving or streaming it; without it the file is read into memory and `put`.
 * @property {(key: string) => Promise<void>} delete
 * @property {() => AsyncIterable<{ key: string, modifiedAt: number }>} [list]
 *   Every stored key, for the sweep of files no story owns (a server killed between storing a file and committing its story).
 * @property {(before: number) => Promise<number>} [sweepPartial] Removes half-written files older than `before` (epoch ms).
 * @property {(key: string) => Promise<number | null>} [size] The size of a stored file, null when there is none.
 * @property {(key: string, range?: { start: number, end: number }) => import('node:stream').Readable} [read]
 *   Files served by this server (the filesystem store); absent when media has public URLs.
 * @property {(key: string) => string | undefined} [publicUrl] Where browsers read the file, when not from this server.
 * @property {(key: string, type: string, size: number) => Promise<{ url: string, headers: Record<string, string>, expiresIn: number }>} [presignUpload]
 *   A URL the browser PUTs one file to, with the headers it must send (an object store's presigned URL).
 * @property {(key: string) => Promise<import('node:stream').Readable>} [download]
 *   The bytes of a stored file: a presigned upload is read once, to be checked, before a story takes it.
 */

/**
 * Files in a directory, one per key; written to a temporary name and renamed, so a reader
 * never sees half a file.
 * @returns {MediaStorage}
 */
export function filesystemStorage(dir) {
  const root = resolve(dir);
  const pathOf = (key) => {
    const path = resolve(join(root, checkKey(key)));
    if (!path.startsWith(root + sep)) throw invalid('Not a media key');
    return path;
  };
  return {
    async put(key, bytes) {
      await mkdir(root, { recursive: true });
      const path = pathOf(key);
      const temporary = `${path}.${process.pid}.${Date.now()}.part`;
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, path);
    },
    async putFile(key, file) {
      await mkdir(root, { recursive: true });
      const path = pathOf(key);
      try {
        await rename(file, path);
      } catch (error) {
        if (error.code !== 'EXDEV') throw error;
        // Another filesystem: copy beside the target, then rename, as put() does.
        const temporary = `${path}.${process.pid}.${Date.now()}.part`;
        await copyFile(file, temporary);
        await rename(temporary, path);
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async *list() {
      let names;
      try {
        names = await readdir(root);
      } catch {
        return;
      }
      for (const name of names) {
        if (!KEY.test(name)) continue;
        try {
          yield { key: name, modifiedAt: (await stat(join(root, name))).mtimeMs };
        } catch {
          // Gone meanwhile.
        }
      }
    },
    /** Removes half-written files (`….part`, left by a process killed mid-write) older than `before`. */
    async sweepPartial(before) {
      let names;
      try {
        names = await readdir(root);
      } catch {
        return 0;
      }
      let removed = 0;
      for (const name of names.filter((n) => n.endsWith('.part'))) {
        const path = join(root, name);
        const info = await stat(path).catch(() => null);
        if (info && info.mtimeMs < before) {
          await rm(path, { force: true });
          removed++;
        }
      }
      return removed;
    },
    async size(key) {
      try {
        return (await stat(pathOf(key))).size;
      } catch {
        return null;
      }
    },
    read(key, range) {
      return createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : {});
    },
  };
}

/**
 * An S3-compatible bucket (AWS S3, Cloudflare R2, MinIO): uploads can go straight from the
 * browser through presigned PUT URLs; browsers read from `publicBaseUrl` (the bucket's
 * public or CDN address).
 * @param {{ bucket: string, region?: string, endpoint?: string, forcePathStyle?: boolean, publicBaseUrl: string, prefix?: string, credentials?: { accessKeyId: string, secretAccessKey: string }, presignSeconds?: number }} options
 * @returns {Promise<MediaStorage>}
 */
export async function s3Storage(options) {
  const { S3Client, PutObjectCommand, GetObjectCommand, DeleteObjectCommand, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
  // Checksums only where S3 requires them: the SDK's default sends streamed bodies in
  // aws-chunked framing with trailing checksums, which not every S3-compatible store reads.
  const client = new S3Client({
    region: options.region ?? 'auto',
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const prefix = options.prefix ?? '';
  const base = options.publicBaseUrl.replace(/\/+$/, '');
  return {
    async put(key, bytes, type) {
      await client.send(new PutObjectCommand({ Bucket: options.bucket, Key: prefix + checkKey(key), Body: bytes, ContentType: type, CacheControl: 'public, max-age=86400, immutable' }));
    },
    async putFile(key, file, type) {
      const { size } = await stat(file);
      await client.send(new PutObjectCommand({ Bucket: options.bucket, Key: prefix + checkKey(key), Body: createReadStream(file), ContentLength: size, ContentType: type, CacheControl: 'public, max-age=86400, immutable' }));
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: prefix + checkKey(key) }));
    },
    async *list() {
      let token;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: options.bucket, Prefix: prefix, ContinuationToken: token }));
        for (const item of page.Contents ?? []) if (item.Key) yield { key: item.Key.slice(prefix.length), modifiedAt: item.LastModified?.getTime() ?? 0 };
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    publicUrl: (key) => `${base}/${prefix}${encodeURIComponent(checkKey(key))}`,
    async download(key) {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: prefix + checkKey(key) }));
      return Body;
    },
    async presignUpload(key, type, size) {
      const command = new PutObjectCommand({ Bucket: options.bucket, Key: prefix + checkKey(key), ContentType: type, ContentLength: size });
      const expiresIn = options.presignSeconds ?? 600;
      const url = await getSignedUrl(client, command, { expiresIn, signableHeaders: new Set(['content-type', 'content-length']) });
      return { url, headers: { 'content-type': type }, expiresIn };
    },
    client,
  };
}

// Uploaded media: what it really is (from its bytes), whether the rules allow it, photos
// cleaned of their metadata (EXIF GPS among it), and where the bytes are kept.
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
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
 * The length of an MP4/MOV in ms, from its movie header (`moov/mvhd`), or undefined when
 * it cannot be told without decoding.
 */
export function mp4Duration(bytes) {
  const box = (start, end, type) => {
    for (let at = start; at + 8 <= end; ) {
      let size = bytes.readUInt32BE(at);
      const name = bytes.toString('latin1', at + 4, at + 8);
      let header = 8;
      if (size === 1 && at + 16 <= end) {
        size = Number(bytes.readBigUInt64BE(at + 8));
        header = 16;
      } else if (size === 0) size = end - at;
      if (size < header) return undefined;
      if (name === type) return { start: at + header, end: Math.min(end, at + size) };
      at += size;
    }
    return undefined;
  };
  const moov = box(0, bytes.length, 'moov');
  const mvhd = moov && box(moov.start, moov.end, 'mvhd');
  if (!mvhd || mvhd.end - mvhd.start < 20) return undefined;
  const version = bytes[mvhd.start];
  const timescale = version === 1 ? bytes.readUInt32BE(mvhd.start + 20) : bytes.readUInt32BE(mvhd.start + 12);
  const duration = version === 1 ? Number(bytes.readBigUInt64BE(mvhd.start + 24)) : bytes.readUInt32BE(mvhd.start + 16);
  return timescale ? Math.round((duration / timescale) * 1000) : undefined;
}

/**
 * Checks uploaded bytes against the rules and prepares them for storing. Photos are
 * re-encoded without any metadata (location, camera, …), turned upright first.
 * @returns {Promise<{ bytes: Buffer, type: string, kind: 'image' | 'video', fields: Record<string, unknown> }>}
 */
export async function prepareUpload(bytes, declaredKind) {
  if (!bytes.length) throw invalid('The file is empty');
  const type = sniffType(bytes);
  if (!type) throw invalid('The file is not a photo or video this accepts (JPEG, PNG, WebP, GIF, MP4, WebM or MOV)');
  const kind = MEDIA_RULES.imageTypes.includes(type) ? 'image' : 'video';
  if (declaredKind && declaredKind !== kind) throw invalid(`The story says ${declaredKind} but the file is a ${kind === 'image' ? 'photo' : 'video'}`);
  const max = kind === 'image' ? MEDIA_RULES.maxImageBytes : MEDIA_RULES.maxVideoBytes;
  if (bytes.length > max) throw tooLarge(`${kind === 'image' ? 'Photos' : 'Videos'} can be at most ${max / 1048576} MB`);
  if (kind === 'video') {
    const duration = type === 'video/webm' ? undefined : mp4Duration(bytes);
    if (duration !== undefined && duration > MEDIA_RULES.maxVideoSeconds * 1000 + 500) throw invalid(`Videos can be at most ${MEDIA_RULES.maxVideoSeconds} seconds long`);
    return { bytes, type, kind, fields: { kind, type, ...(duration ? { duration } : {}) } };
  }
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
 * @property {(key: string) => Promise<void>} delete
 * @property {(key: string) => Promise<number | null>} [size] The size of a stored file, null when there is none.
 * @property {(key: string, range?: { start: number, end: number }) => import('node:stream').Readable} [read]
 *   Files served by this server (the filesystem store); absent when media has public URLs.
 * @property {(key: string) => string | undefined} [publicUrl] Where browsers read the file, when not from this server.
 * @property {(key: string, type: string, size: number) => Promise<{ url: string, headers: Record<string, string> }>} [presignUpload]
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
    async delete(key) {
      await rm(pathOf(key), { force: true });
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
  const { S3Client, PutObjectCommand, DeleteObjectCommand } = await import('@aws-sdk/client-s3');
  const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
  const client = new S3Client({ region: options.region ?? 'auto', endpoint: options.endpoint, forcePathStyle: options.forcePathStyle, credentials: options.credentials });
  const prefix = options.prefix ?? '';
  const base = options.publicBaseUrl.replace(/\/+$/, '');
  return {
    async put(key, bytes, type) {
      await client.send(new PutObjectCommand({ Bucket: options.bucket, Key: prefix + checkKey(key), Body: bytes, ContentType: type, CacheControl: 'public, max-age=86400, immutable' }));
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: prefix + checkKey(key) }));
    },
    publicUrl: (key) => `${base}/${prefix}${encodeURIComponent(checkKey(key))}`,
    async presignUpload(key, type, size) {
      const command = new PutObjectCommand({ Bucket: options.bucket, Key: prefix + checkKey(key), ContentType: type, ContentLength: size });
      const url = await getSignedUrl(client, command, { expiresIn: options.presignSeconds ?? 600, signableHeaders: new Set(['content-type', 'content-length']) });
      return { url, headers: { 'content-type': type } };
    },
    client,
  };
}

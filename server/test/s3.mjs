// A local S3-compatible object store for tests (s3rver: the S3 REST API over real HTTP on
// 127.0.0.1, objects in a temporary directory), and the server's s3Storage pointed at it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { s3Storage } from '../media.mjs';

/** Lets any page PUT and GET (the browser tests' page is on another port). */
const CORS = `<CORSConfiguration><CORSRule>
  <AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod>
  <AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds>
</CORSRule></CORSConfiguration>`;

export async function startS3({ bucket = 'media' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'stories-kit-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: bucket, configs: [CORS] }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const storage = await s3Storage({
    bucket,
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    publicBaseUrl: `${endpoint}/${bucket}`,
    prefix: 'stories/',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  /** Whether the bucket holds `key` (under the storage's prefix). */
  const has = async (key) => (await fetch(`${endpoint}/${bucket}/stories/${key}`, { method: 'HEAD' })).status === 200;
  return {
    endpoint,
    storage,
    has,
    async close() {
      storage.client.destroy();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Types of `stories-kit/server` (the server itself is plain ESM JavaScript, server/index.mjs).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';

export interface Database {
  // The schema is in server/migrations.mjs; rows are read untyped.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>;
  /** Where feed pages are read: the read replica's pool when one is set, else `db`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  reads: Kysely<any>;
  engine: 'pglite' | 'postgres';
  /** Every announced event: of a story, or (`feed: true`) of an account's feed. */
  onEvent(listener: (message: { id: number; storyId: string } | { id: number; authorId: string; feed: true }) => void): () => void;
  listening(): boolean;
  close(): Promise<void>;
}

export interface MediaStorage {
  put(key: string, bytes: Buffer, type: string): Promise<void>;
  /** Stores a file from disk (a spooled upload), moved or streamed; without it the file is read and put(). */
  putFile?(key: string, path: string, type: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every stored key, for the sweep of files no story owns. */
  list?(): AsyncIterable<{ key: string; modifiedAt: number }>;
  /** Removes half-written files older than `before` (epoch ms); returns how many. */
  sweepPartial?(before: number): Promise<number>;
  /** Files this server serves itself (the filesystem store). */
  size?(key: string): Promise<number | null>;
  read?(key: string, range?: { start: number; end: number }): Readable;
  /** Where browsers read a file, when it is not served by this server (object storage, CDN). */
  publicUrl?(key: string): string | undefined;
  /** A URL the browser PUTs one file to, with the headers to send and how long the URL lasts (seconds). With `download`, the server offers `POST /uploads`. */
  presignUpload?(key: string, type: string, size: number): Promise<{ url: string; headers: Record<string, string>; expiresIn: number }>;
  /** The bytes of a stored file (a presigned upload is read back once, to be checked). */
  download?(key: string): Promise<import('node:stream').Readable>;
}

export interface StoriesServerOptions {
  databaseUrl?: string;
  /** A read replica of the PostgreSQL primary, for feed pages (default: $DATABASE_READ_URL). */
  readDatabaseUrl?: string;
  dataDir?: string;
  database?: Database;
  prefix?: string;
  publicUrl?: string;
  jwt?: { secret?: string; jwksUrl?: string; issuer: string | string[]; audience: string | string[]; algorithms?: string[] };
  authenticate?(request: FastifyRequest): Promise<string | null | undefined> | string | null | undefined;
  adminKey?: string;
  dev?: boolean;
  testing?: boolean;
  clock?: { now(): number };
  corsOrigins?: string[] | true;
  rateLimit?: { perToken?: number; perIp?: number; windowMs?: number } | false;
  bodyLimit?: number;
  storage?: MediaStorage;
  logger?: boolean | object;
  purge?: { intervalMs?: number; batchSize?: number };
  /** The sweep of stored files no story owns, after a purge (default at most hourly, files older than an hour; intervalMs 0: never). */
  sweep?: { intervalMs?: number; olderThanMs?: number };
  eventsKeepMs?: number;
  heartbeatMs?: number;
  shutdownGraceMs?: number;
  trustProxy?: boolean;
}

export interface Admin {
  putAccount(account: { name: string; handle?: string; avatar?: string; verified?: boolean }, id: string): Promise<unknown>;
  deleteAccount(id: string): Promise<void>;
  follow(follower: string, followee: string): Promise<void>;
  unfollow(follower: string, followee: string): Promise<void>;
  putSound(sound: { src: string; title?: string; artist?: string; duration?: number }, id: string): Promise<unknown>;
  reports(): Promise<{ storyId: string; commentId: string; reporterId: string; reason?: string; reportedAt: number }[]>;
  seed(world: unknown): Promise<void>;
  reset(): Promise<void>;
}

export interface StoriesServer {
  app: FastifyInstance;
  database: Database;
  admin: Admin;
  handle(req: IncomingMessage, res: ServerResponse): void;
  listen(options?: { port?: number; host?: string }): Promise<string>;
  purge(options?: { batchSize?: number }): Promise<number>;
  /** Deletes stored files no story owns (older than `olderThanMs`, default an hour); returns how many went. */
  sweepMedia(options?: { olderThanMs?: number }): Promise<number>;
  now(): number;
  readonly streams: number;
  close(): Promise<void>;
}

export function createStoriesServer(options?: StoriesServerOptions): Promise<StoriesServer>;
export function openDatabase(options: { databaseUrl?: string; readDatabaseUrl?: string; dataDir?: string; poolSize?: number }): Promise<Database>;
export function filesystemStorage(dir: string): MediaStorage;
export function s3Storage(options: { bucket: string; region?: string; endpoint?: string; forcePathStyle?: boolean; publicBaseUrl: string; prefix?: string; credentials?: { accessKeyId: string; secretAccessKey: string }; presignSeconds?: number }): Promise<MediaStorage>;

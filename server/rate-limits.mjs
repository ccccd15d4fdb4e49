// Write limits counted in the database: every instance on it counts the same writes, so a
// client spread over instances by a load balancer has one limit, not one per instance
// (@fastify/rate-limit's own store counts in the process).
import { sql } from 'kysely';

/**
 * A `store` for @fastify/rate-limit over the table `rate_limits`: one upsert per check,
 * which starts a new window when the last one has run out. Windows follow the server's
 * clock (`now`), so tests control them.
 * @param {import('kysely').Kysely<any>} db
 * @param {() => number} now
 */
export function databaseStore(db, now) {
  return class DatabaseStore {
    constructor(options) {
      this.options = options;
    }

    incr(key, callback, timeWindow) {
      const t = now();
      sql`insert into rate_limits (key, count, reset_at) values (${key}, 1, ${t + timeWindow})
          on conflict (key) do update set
            count = case when rate_limits.reset_at <= ${t} then 1 else rate_limits.count + 1 end,
            reset_at = case when rate_limits.reset_at <= ${t} then ${t + timeWindow} else rate_limits.reset_at end
          returning count, reset_at`
        .execute(db)
        .then(({ rows: [row] }) => callback(null, { current: Number(row.count), ttl: Math.max(0, Number(row.reset_at) - t) }), callback);
    }

    child(routeOptions) {
      return new DatabaseStore({ ...this.options, ...routeOptions });
    }
  };
}

// Who is calling. The site owns identity: the server stores no passwords, it verifies the
// site's bearer JWT (a shared secret or a JWKS URL; issuer and audience checked) and maps
// its `sub` to an account. `authenticate(request)` replaces all of that in code. Dev and
// testing modes also take named test tokens, `token-<accountId>`.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { unauthorized } from './errors.mjs';

/**
 * @param {{
 *   jwt?: { secret?: string, jwksUrl?: string, issuer?: string | string[], audience?: string | string[], algorithms?: string[] },
 *   authenticate?: (request: import('fastify').FastifyRequest) => Promise<string | null | undefined> | string | null | undefined,
 *   namedTokens?: boolean,
 *   accountExists: (id: string) => Promise<boolean>,
 * }} options
 * @returns {(request: import('fastify').FastifyRequest) => Promise<string | null>}
 */
export function createAuthenticator({ jwt, authenticate, namedTokens = false, accountExists }) {
  let verify;
  if (jwt) {
    if (!jwt.issuer || !jwt.audience) throw new Error('JWT verification needs an issuer and an audience');
    if (!jwt.secret && !jwt.jwksUrl) throw new Error('JWT verification needs a secret or a JWKS URL');
    const key = jwt.secret ? new TextEncoder().encode(jwt.secret) : createRemoteJWKSet(new URL(jwt.jwksUrl));
    const algorithms = jwt.algorithms ?? (jwt.secret ? ['HS256', 'HS384', 'HS512'] : ['RS256', 'ES256', 'EdDSA', 'PS256']);
    verify = async (token) => {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: jwt.issuer, audience: jwt.audience, algorithms, clockTolerance: 30 });
        return typeof payload.sub === 'string' && payload.sub ? payload.sub : null;
      } catch {
        return null;
      }
    };
  }

  return async (request) => {
    if (authenticate) {
      let id;
      try {
        id = await authenticate(request);
      } catch {
        throw unauthorized('The credentials were not accepted');
      }
      if (id === null || id === undefined) return null;
      if (typeof id !== 'string' || !(await accountExists(id))) throw unauthorized('No such account');
      return id;
    }
    const header = request.headers.authorization;
    if (header === undefined) return null;
    const token = /^Bearer ([\x21-\x7e]{1,8192})$/.exec(header)?.[1];
    if (!token) throw unauthorized('The Authorization header is not a bearer token');
    let id = null;
    if (namedTokens && token.startsWith('token-')) id = token.slice('token-'.length);
    else if (verify) id = await verify(token);
    if (!id || !(await accountExists(id))) throw unauthorized('Unknown token');
    return id;
  };
}

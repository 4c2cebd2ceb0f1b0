/**
 * Authentication and route access. Every route declares who may call it in `config.access`;
 * a route without a declaration fails closed, so a new route cannot be public by accident.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../errors.ts';
import type { PartyKind, Principal, Scope } from '../tenancy/model.ts';

/** Who may call a route: `public`, or the party kinds allowed and the scope the key needs. */
export type RouteAccess = 'public' | { readonly kinds: readonly PartyKind[]; readonly scope: Scope };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export type Authenticate = (key: string) => Promise<Principal | undefined>;

/** Installs the hook that checks every request against its route's access rule. */
export function installAccessControl(app: FastifyInstance, authenticate: Authenticate): void {
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (access === undefined) {
      throw new DomainError('internal', `route ${request.routeOptions.url} declares no access rule`);
    }
    if (access === 'public') return;
    const principal = await authenticate(bearerKey(request));
    if (!principal) throw new DomainError('unauthenticated', 'the API key is unknown or has been revoked');
    if (!access.kinds.includes(principal.partyKind)) {
      throw new DomainError('forbidden', `a ${principal.partyKind} cannot call ${request.method} ${request.routeOptions.url}`);
    }
    if (!principal.scopes.includes(access.scope)) {
      throw new DomainError('forbidden', `this key lacks the scope ${access.scope}`);
    }
    request.principal = principal;
  });
}

function bearerKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) throw new DomainError('unauthenticated', 'send the API key as "Authorization: Bearer <key>"');
  return match[1];
}

/** The authenticated caller of a route that is not public. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new DomainError('unauthenticated');
  return request.principal;
}

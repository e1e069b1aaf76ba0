import type { Principal, Role } from '../../../domain/roles.ts';

/** The authenticated user behind a request. */
export type Caller = Principal & {
  username: string;
  displayName: string;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
};

/**
 * Who may call a route, declared on every route: `public`, any `authenticated` user, or a list of roles.
 * Roles are a first gate; services then apply the record scope (another party's record is 404).
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
}

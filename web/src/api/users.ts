import { http } from './client.ts';
import type { Page, Role } from './types.ts';

const V1 = '/api/v1';

/** An account as GET /api/v1/users lists it; `email` is sent to the administrator only. */
export interface ListedUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  divisionCode?: string;
  unitCode?: string;
  disabled: boolean;
  email?: string | null;
}

export interface UserListQuery {
  q?: string | undefined;
  role?: Role | undefined;
  unitCode?: string | undefined;
  disabled?: 'true' | 'false' | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface NewUserBody {
  username: string;
  displayName: string;
  role: Role;
  divisionCode?: string;
  unitCode?: string;
  email?: string;
  password: string;
}

export interface UserPatchBody {
  displayName?: string;
  email?: string | null;
  disabled?: boolean;
}

const user = (id: string) => `${V1}/users/${encodeURIComponent(id)}`;

/** The administrator's account management (GET is also open to other roles, scoped). */
export const usersApi = {
  list: (query: UserListQuery, signal?: AbortSignal) =>
    http.get<Page<ListedUser>>(`${V1}/users`, { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => http.get<ListedUser>(user(id), undefined, signal),
  create: (body: NewUserBody) => http.post<ListedUser>(`${V1}/users`, body),
  update: (id: string, body: UserPatchBody) => http.patch<ListedUser>(user(id), body),
  setPassword: (id: string, body: { password: string } | { generate: true }) =>
    http.post<{ generatedPassword: string | null }>(`${user(id)}/password`, body),
};

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
  one: (id: string) => ['users', 'one', id] as const,
};

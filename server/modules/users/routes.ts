import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../domain/roles.ts';
import type { Deps } from '../../platform/deps.ts';
import { userSchema } from '../auth/presenter.ts';
import { requestInfo } from '../auth/routes.ts';
import { actorFromCaller } from '../auth/service.ts';
import { listQuery } from '../reference/schemas.ts';
import { createUser, getUser, listExperts, listUsers } from './service.ts';

const tags = ['users'];
const listedUser = userSchema.extend({ disabled: z.boolean() });

/** Accounts, scoped like everything else: a unit sees its counties' accounts, a county its own. */
export const userRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/api/v1/users',
    {
      config: { access: ['county', 'unit', 'ministry', 'admin'] },
      schema: {
        tags,
        querystring: z.object({
          role: z.enum(ROLES).optional(),
          q: z.string().trim().min(1).max(50).optional(),
          ...listQuery,
        }),
        response: {
          200: z.object({
            items: z.array(listedUser),
            nextCursor: z.string().nullable(),
            total: z.number().int(),
          }),
        },
      },
    },
    async (req) => listUsers(db, req.caller!, req.query),
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { access: ['county', 'unit', 'ministry', 'admin'] },
      schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: listedUser } },
    },
    async (req) => getUser(db, req.caller!, req.params.id),
  );

  app.get(
    '/api/v1/experts',
    {
      config: { access: ['unit', 'ministry', 'admin'] },
      schema: {
        tags,
        summary: 'Active expert accounts to invite as reviewers (names and home unit)',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                displayName: z.string(),
                unitCode: z
                  .string()
                  .nullable()
                  .describe('The recommending unit the expert works for, if any'),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ items: await listExperts(db) }),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Create an account (admin)',
        body: z.object({
          username: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9._@-]{3,64}$/, '3–64 letters, digits or . _ @ -'),
          displayName: z.string().trim().min(1).max(100),
          role: z.enum(ROLES),
          divisionCode: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
          unitCode: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
          email: z.email().optional(),
          password: z.string().min(1).max(200),
        }),
        response: { 201: userSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createUser(db, actorFromCaller(req.caller, requestInfo(req)), req.body)),
  );
};

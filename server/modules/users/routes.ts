import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../domain/roles.ts';
import type { Deps } from '../../platform/deps.ts';
import { userSchema } from '../auth/presenter.ts';
import { requestInfo } from '../auth/routes.ts';
import { actorFromCaller } from '../auth/service.ts';
import { listQuery } from '../reference/schemas.ts';
import { adminSetPassword, createUser, getUser, listExperts, listUsers, updateUser } from './service.ts';

const tags = ['users'];
const listedUser = userSchema.extend({
  disabled: z.boolean(),
  email: z.string().nullable().optional().describe('Shown to the administrator only'),
});
const userId = z.object({ id: z.uuid() });
const code6 = z.string().regex(/^\d{6}$/, 'a 6-digit code');

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
          unitCode: code6.optional().describe("The unit's own accounts, its counties' and its experts'"),
          disabled: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
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
      schema: { tags, params: userId, response: { 200: listedUser } },
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
          divisionCode: code6.optional().describe('The county (county accounts)'),
          unitCode: code6.optional().describe('The recommending unit (unit accounts; an expert’s home unit)'),
          email: z.email().max(254).optional(),
          password: z.string().min(1).max(200),
        }),
        response: { 201: userSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createUser(db, actorFromCaller(req.caller, requestInfo(req)), req.body)),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary:
          'Change an account’s name, e-mail or disabled flag (admin); disabling ends its sessions and revokes its API tokens',
        params: userId,
        body: z
          .object({
            displayName: z.string().trim().min(1).max(100).optional(),
            email: z
              .union([z.literal('').transform(() => null), z.email().max(254), z.null()])
              .optional()
              .describe('null or "" removes it'),
            disabled: z.boolean().optional(),
          })
          .strict()
          .refine((b) => Object.keys(b).length > 0, 'Give at least one of displayName, email, disabled'),
        response: { 200: listedUser },
      },
    },
    async (req) =>
      updateUser(db, req.caller!, actorFromCaller(req.caller, requestInfo(req)), req.params.id, req.body),
  );

  app.post(
    '/api/v1/users/:id/password',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary:
          'Set a new password for an account (admin), or generate one shown only in this answer; ends its sessions',
        params: userId,
        body: z.union([
          z.object({ password: z.string().min(1).max(200) }).strict(),
          z.object({ generate: z.literal(true) }).strict(),
        ]),
        response: {
          200: z.object({
            generatedPassword: z
              .string()
              .nullable()
              .describe('The generated password, shown this once; null when you gave one'),
          }),
        },
      },
    },
    async (req) =>
      adminSetPassword(
        db,
        req.caller!,
        actorFromCaller(req.caller, requestInfo(req)),
        req.params.id,
        req.body,
      ),
  );
};

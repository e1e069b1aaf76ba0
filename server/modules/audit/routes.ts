import { and, desc, eq, lt, or, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditLog, users } from '../../db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/sql.ts';
import { clusterInScope } from '../clusters/lifecycle-repo.ts';
import { findDeclaration } from '../declarations/repo.ts';
import { listQuery } from '../reference/schemas.ts';

const entryDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({
    displayName: z
      .string()
      .nullable()
      .describe('The account’s current display name (the username is `name`)'),
    id: z.string().nullable(),
    name: z.string().nullable(),
    role: z.string().nullable(),
    scope: z.string().nullable(),
  }),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  hash: z.string(),
});

/**
 * The audit trail of one record (`?entity=declaration:<id>`) or of one identified cluster with its change
 * reports, re-reviews, reports and support records (`?cluster=<id>`): the ministry and admins read any, and
 * may also list the whole log filtered by action, record type or account; a unit reads the trails of its own
 * declarations and clusters. Entries are append-only and hash-chained (see /audit/verify).
 */
export const auditRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/api/v1/audit',
    {
      config: { access: ['unit', 'ministry', 'admin'] },
      schema: {
        tags: ['audit'],
        summary: 'Audit entries, newest first; `entity=type:id` for one record (required for units)',
        querystring: z.object({
          entity: z
            .string()
            .regex(/^[a-z_]+:[\w:-]+$/, 'type:id, e.g. declaration:<uuid>')
            .optional(),
          cluster: z
            .uuid()
            .optional()
            .describe(
              'One identified cluster: its own entries and those of records that name it (clusterId)',
            ),
          entityType: z
            .string()
            .regex(/^[a-z_]+$/)
            .optional()
            .describe('Ministry and admins: one kind of record, e.g. cluster, change_report, user'),
          actor: z.string().max(100).optional().describe('Ministry and admins: one account (username)'),
          action: z.string().max(100).optional(),
          ...listQuery,
        }),
        response: {
          200: z.object({ items: z.array(entryDto), nextCursor: z.string().nullable(), total: z.null() }),
        },
      },
    },
    async (req) => {
      const caller = req.caller!;
      const conds: SQL[] = [];
      if (req.query.entity) {
        const [type, ...rest] = req.query.entity.split(':');
        const id = rest.join(':');
        if (caller.role === 'unit') {
          if (type !== 'declaration' || !z.uuid().safeParse(id).success)
            throw new AppError('NOT_FOUND', 'No such record');
          await findDeclaration(db, caller, id);
        }
        conds.push(eq(auditLog.entityType, type!), eq(auditLog.entityId, id));
      } else if (req.query.cluster) {
        const id = req.query.cluster;
        if (caller.role === 'unit') await clusterInScope(db, caller, id); // 404 outside the unit
        conds.push(
          or(
            and(eq(auditLog.entityType, 'cluster'), eq(auditLog.entityId, id)),
            sql`${auditLog.after}->>'clusterId' = ${id}`,
            sql`${auditLog.before}->>'clusterId' = ${id}`,
            // Status changes of the cluster's own records name only the record.
            sql`(${auditLog.entityType}, ${auditLog.entityId}) IN (
              SELECT 'change_report', id::text FROM change_reports WHERE cluster_id = ${id}
              UNION ALL SELECT 're_review', id::text FROM re_reviews WHERE cluster_id = ${id}
              UNION ALL SELECT 'annual_report', id::text FROM annual_reports WHERE cluster_id = ${id}
              UNION ALL SELECT 'policy_support', id::text FROM policy_support WHERE cluster_id = ${id})`,
          )!,
        );
      } else if (caller.role === 'unit') {
        throw new AppError(
          'VALIDATION_FAILED',
          'Units read the trail of one record at a time: entity=declaration:<id> or cluster=<id>',
          [{ path: 'querystring.entity', message: 'required' }],
        );
      }
      if (caller.role !== 'unit') {
        if (req.query.entityType) conds.push(eq(auditLog.entityType, req.query.entityType));
        if (req.query.actor) conds.push(eq(auditLog.actorName, req.query.actor));
      }
      if (req.query.action) conds.push(eq(auditLog.action, req.query.action));
      const before = Number(decodeCursor(req.query.cursor) ?? 0);
      if (before > 0) conds.push(lt(auditLog.id, before));
      const found = await db
        .select({ e: auditLog, displayName: users.displayName })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(conds.length ? and(...conds) : undefined)
        .orderBy(desc(auditLog.id))
        .limit(req.query.limit + 1);
      const page = found.slice(0, req.query.limit);
      const last = page.at(-1);
      return {
        items: page.map(({ e, displayName }) => ({
          id: e.id,
          at: e.at.toISOString(),
          actor: { id: e.actorId, name: e.actorName, displayName, role: e.actorRole, scope: e.scope },
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          before: e.before,
          after: e.after,
          ip: e.ip,
          userAgent: e.userAgent,
          hash: e.hash,
        })),
        nextCursor: found.length > req.query.limit && last ? encodeCursor(String(last.e.id)) : null,
        total: null,
      };
    },
  );
};

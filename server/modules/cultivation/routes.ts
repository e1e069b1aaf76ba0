import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cultivationPlanBody,
  cultivationPlanDto,
  supportBody,
  supportDto,
  supportListDto,
  supportTotalsDto,
} from '../../../domain/cluster-contract.ts';
import type { Deps } from '../../platform/deps.ts';
import { requestInfo } from '../auth/routes.ts';
import { optionalIfMatch } from '../clusters/lifecycle-repo.ts';
import { deleteSupport, getPlan, listSupport, recordSupport, savePlan, supportTotals } from './service.ts';

const tags = ['cultivation'];
const readers = ['county', 'unit', 'ministry', 'admin'] as const;
const idParams = z.object({ id: z.uuid() });
const outOfScope = 'A cluster outside your county or unit answers 404.';

/** Cultivation plans (six areas, targets by year, progress from annual reports) and policy support. */
export const cultivationRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    '/api/v1/clusters/:id/plan',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: `The cultivation plan with each target’s progress from the annual reports. ${outOfScope}`,
        params: idParams,
        response: { 200: cultivationPlanDto },
      },
    },
    async (req) => getPlan(deps, req.caller!, req.params.id),
  );

  app.put(
    '/api/v1/clusters/:id/plan',
    {
      config: { access: ['county', 'unit'] },
      schema: {
        tags,
        summary: 'Replace the plan (county or unit); If-Match: <version> (0 for the first save)',
        params: idParams,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: cultivationPlanBody,
        response: { 200: cultivationPlanDto },
      },
    },
    async (req) =>
      savePlan(
        deps,
        req.caller!,
        req.params.id,
        req.body,
        optionalIfMatch(req.headers['if-match']),
        requestInfo(req),
      ),
  );

  app.get(
    '/api/v1/clusters/:id/support',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: `Policy support recorded for the cluster, newest first, with totals by kind. ${outOfScope}`,
        params: idParams,
        response: { 200: supportListDto },
      },
    },
    async (req) => listSupport(deps, req.caller!, req.params.id),
  );

  app.post(
    '/api/v1/clusters/:id/support',
    {
      config: { access: ['unit', 'ministry'] },
      schema: {
        tags,
        summary: 'Record support given (amount in 亿元, null when not monetary)',
        params: idParams,
        body: supportBody,
        response: { 201: supportDto },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await recordSupport(deps, req.caller!, req.params.id, req.body, requestInfo(req))),
  );

  app.delete(
    '/api/v1/clusters/:id/support/:supportId',
    {
      config: { access: ['unit', 'ministry'] },
      schema: {
        tags,
        summary: 'Delete a record entered in error (who recorded it)',
        params: idParams.extend({ supportId: z.uuid() }),
      },
    },
    async (req, reply) => {
      await deleteSupport(deps, req.caller!, req.params.id, req.params.supportId, requestInfo(req));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/policy-support/totals',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Support totals in your scope per unit (default) or per cluster',
        querystring: z.object({ groupBy: z.enum(['unit', 'cluster']).default('unit') }),
        response: { 200: supportTotalsDto },
      },
    },
    async (req) => supportTotals(deps, req.caller!, req.query.groupBy),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.ts';

export const noticeRoutes: FastifyPluginAsyncZod<Deps> = async () => {};

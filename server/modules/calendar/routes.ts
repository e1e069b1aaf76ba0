import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addWorkingDays, parseIsoDate } from '../../../domain/calendar.ts';
import type { Deps } from '../../platform/deps.ts';
import { officialCalendar } from './official-calendar.ts';

const isoDate = z.string().refine((v) => parseIsoDate(v) !== null, 'a date as YYYY-MM-DD');

/** Working-day arithmetic on the official calendar (公示 periods, deadlines). */
export const calendarRoutes: FastifyPluginAsyncZod<Deps> = async (app) => {
  app.get(
    '/api/v1/calendar/add-working-days',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'The N-th working day counting `from` itself (weekends and holidays off, 调休 weekends on)',
        querystring: z.object({ from: isoDate, days: z.coerce.number().int().min(1).max(366) }),
        response: {
          200: z.object({
            from: z.string(),
            days: z.number().int(),
            endsOn: z.string(),
            provisional: z.boolean().describe('The period runs past the published holiday arrangements'),
            lastKnownYear: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const cal = officialCalendar();
      return { ...addWorkingDays(req.query.from, req.query.days, cal), lastKnownYear: cal.lastKnownYear };
    },
  );
};

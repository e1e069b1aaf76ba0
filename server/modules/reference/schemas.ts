import { z } from 'zod';

export {
  type DivisionDto,
  divisionDto as divisionSchema,
  type IndustryDto,
  industryDto as industrySchema,
  pageOf as listOf,
  type UnitDto,
  unitDto as unitSchema,
} from '../../../domain/api-contract.ts';

export const listQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
};

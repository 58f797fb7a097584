import type { z as zod } from 'zod/v3';

/** Output schema of a list of sovereignty policy results. */
export const complianceResultsSchema = (z: typeof zod) =>
  z
    .array(
      z.object({
        check: z
          .string()
          .describe('The rule: residency, air-gap, autonomy or classification'),
        status: z.enum(['pass', 'fail', 'unknown']),
        reason: z.string().describe('Why, in a sentence a person can act on'),
        causedBy: z
          .string()
          .optional()
          .describe('Entity ref of the entity that caused a fail or unknown'),
      }),
    )
    .describe('One result per rule of the sovereignty policy');

import { z } from "zod";

export const rowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string(),
  messageKey: z.string(),
});

/**
 * What every import answers: `invalid` (nothing written, see `errors`), `validated` (a dry run
 * that would succeed), `imported`, or `unchanged` (the file matches the register already).
 */
export const importReport = z.object({
  outcome: z.enum(["invalid", "validated", "imported", "unchanged"]),
  isDryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(rowErrorSchema),
});
export type ImportReport = z.infer<typeof importReport>;

export const importQuery = z.object({ dryRun: z.enum(["true", "false"]).optional() });

export const importFailure = z.object({
  error: z.object({
    code: z.literal("import.rows_invalid"),
    details: z.object({ errorCount: z.number().int() }),
  }),
  report: importReport,
});

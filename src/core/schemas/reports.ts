import { z } from "zod";
import { locales } from "./auth";
import { indicatorAudiences } from "./indicators";

export const reportFormats = ["pdf", "xlsx", "csv", "sdmx"] as const;
export type ReportFormat = (typeof reportFormats)[number];

/**
 * `GET /api/reports/annual`. `year` defaults to the last complete calendar year, `unit` to the
 * first unit of the caller's scope; `audience=external` applies disclosure control (always so for
 * partner-viewers). The default format is the tidy CSV (cheap, and readable by any tool).
 */
export const annualReportQuery = z.object({
  unit: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(1900).max(2999).optional(),
  lang: z.enum(locales).default("en"),
  format: z.enum(reportFormats).default("csv"),
  audience: z.enum(indicatorAudiences).default("internal"),
});
export type AnnualReportQuery = z.infer<typeof annualReportQuery>;

const EXTENSIONS: Readonly<Record<ReportFormat, string>> = {
  pdf: "pdf",
  xlsx: "xlsx",
  csv: "csv",
  sdmx: "sdmx.csv",
};

/** `tandem-annual-report-2024-HQ-km-external.pdf`: year, unit code, language, audience. */
export function annualReportFileName(input: {
  readonly year: number;
  readonly unitCode: string;
  readonly lang: string;
  readonly format: ReportFormat;
  readonly audience: string;
}): string {
  const code = input.unitCode.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 40) || "unit";
  const audience = input.audience === "external" ? "-external" : "";
  return `tandem-annual-report-${input.year}-${code}-${input.lang}${audience}.${EXTENSIONS[input.format]}`;
}

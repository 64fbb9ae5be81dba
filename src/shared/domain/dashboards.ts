/**
 * Dashboards: counts the core aggregates in SQL for the Dashboards screen and the audit's
 * Overview tab (docs/dashboards.md). Plain data: the chart builders of src/shared/charts/ turn it
 * into charts, so the app and the Word reports can draw the same pictures.
 */
import { z } from 'zod';
import { GroundCode, Id, IsoDate, OptionalLocalizedText } from './common';
import { MeasureStatus, Rating, Severity } from './vocabulary';

const Count = z.number().int().min(0);

export const AuditDashboardInput = z.strictObject({ auditId: Id });
/** Optional `today` (an ISO date) for the overdue measures; by default the core's clock. */
export const ProgrammeDashboardInput = z.strictObject({ today: IsoDate.optional() });

/**
 * One live section of the audit's checklist: its live criteria counted by their consolidated
 * rating; `noRating` counts the criteria without a rated consolidated result (none decided yet,
 * or a value without a rating for number, choice and text criteria).
 */
export const SectionCompliance = z.object({
  sectionId: Id,
  title: OptionalLocalizedText,
  criteria: Count,
  /** Every rating, 0 included. */
  ratings: z.record(Rating, Count),
  noRating: Count,
});
export type SectionCompliance = z.infer<typeof SectionCompliance>;

export const AuditDashboard = z.object({
  auditId: Id,
  /** Live consolidated results of the audit (rated or not). */
  results: Count,
  sections: z.array(SectionCompliance),
});
export type AuditDashboard = z.infer<typeof AuditDashboard>;

export const OverdueMeasure = z.object({
  measureId: Id,
  title: z.string(),
  department: z.string(),
  responsibleCode: z.string().nullable(),
  dueDate: IsoDate,
  status: MeasureStatus,
  daysOverdue: Count,
});
export type OverdueMeasure = z.infer<typeof OverdueMeasure>;

export const IndicatorSeries = z.object({
  measureId: Id,
  title: z.string(),
  indicator: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  /** The indicator value of each date with one (the latest update of that date), in date order. */
  points: z.array(z.object({ date: IsoDate, value: z.number() })),
});
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;

export const ProgrammeDashboard = z.object({
  /** The day overdue measures are counted on. */
  today: IsoDate,
  /** Whether findings are those of the services the current person manages only. */
  managedServicesOnly: z.boolean(),
  findings: Count,
  /** A finding counts once under each of its grounds. */
  findingsByGround: z.array(z.object({ code: GroundCode, label: OptionalLocalizedText, count: Count })),
  findingsWithoutGround: Count,
  findingsBySeverity: z.array(z.object({ severity: Severity, count: Count })),
  findingsByService: z.array(z.object({ serviceId: Id, name: z.string(), count: Count })),
  measures: Count,
  measuresByStatus: z.array(z.object({ status: MeasureStatus, count: Count })),
  overdue: z.array(OverdueMeasure),
  indicators: z.array(IndicatorSeries),
});
export type ProgrammeDashboard = z.infer<typeof ProgrammeDashboard>;

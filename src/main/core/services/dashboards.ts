/**
 * The dashboards' figures, each counted by one SQL statement (GROUP BY), never by loading the
 * records: compliance per section of an audit; across the programme, findings by ground,
 * severity and service, measures by status, the overdue measures, and each indicator over time.
 *
 * Invariants: only live records count (archived findings, measures, updates and results do not;
 * nor do findings of archived audits); a manager counts only the findings of the services they
 * manage (services/access.ts), while the action plan is everyone's (docs/roles.md); "overdue" is
 * the one shared rule `isOverdue` on the core's clock's day.
 */
import type { z } from 'zod';
import type {
  AuditDashboard,
  IndicatorSeries,
  OverdueMeasure,
  ProgrammeDashboard,
  ProgrammeDashboardInput,
} from '../../../shared/domain/dashboards';
import { daysOverdue, isOverdue } from '../../../shared/domain/actionPlan';
import type { LocalizedText } from '../../../shared/domain/common';
import { MEASURE_STATUSES, RATINGS, SEVERITIES, type Rating } from '../../../shared/domain/vocabulary';
import type { ReadableDB } from '../db/handles';
import { AUDIT, MEASURE } from '../repositories/specs';
import type { DerivedStorage } from '../repositories/table';
import type { ReadContext } from './context';
import { requireRecord } from './entity';
import { auditOfManagedService, managerScope } from './access';

type MeasureStatus = (typeof MEASURE_STATUSES)[number];
type Severity = (typeof SEVERITIES)[number];

const all = <T>(db: ReadableDB, sql: string, ...params: unknown[]): T[] => db.prepare(sql).all(...params) as T[];

/** A measure's status, as the repository derives it (its latest live progress update's). */
const MEASURE_STATUS_SQL = (MEASURE.fields.status as DerivedStorage).derived;

/** Live findings of live audits, limited to the manager's services when `managerId` is set. */
function findingScope(managerId: string | undefined): { where: string; params: unknown[] } {
  const base = `f.archived_at IS NULL AND f.audit_id IN (SELECT id FROM audit WHERE archived_at IS NULL)`;
  return managerId === undefined
    ? { where: base, params: [] }
    : { where: `${base} AND ${auditOfManagedService('f.audit_id')}`, params: [managerId] };
}

export const dashboards = {
  /** Compliance per section of an audit's checklist (docs/dashboards.md). */
  audit(ctx: ReadContext, input: { auditId: string }): AuditDashboard {
    const audit = requireRecord(ctx.db, AUDIT, input.auditId);
    const rows = all<{ sectionId: string; title: string; rating: Rating | null; count: number }>(
      ctx.db,
      // A section without criteria still appears, with nothing counted.
      `SELECT s.id AS sectionId, s.title, cr.rating, count(c.id) AS count
       FROM template_section s
       LEFT JOIN criterion c ON c.section_id = s.id AND c.archived_at IS NULL
       LEFT JOIN consolidated_result cr
         ON cr.criterion_id = c.id AND cr.audit_id = ? AND cr.archived_at IS NULL
       WHERE s.version_id = ? AND s.archived_at IS NULL
       GROUP BY s.id, cr.rating
       ORDER BY s.position, s.rowid`,
      audit.id,
      audit.templateVersionId,
    );
    const sections = new Map<string, AuditDashboard['sections'][number]>();
    for (const r of rows) {
      let s = sections.get(r.sectionId);
      if (!s) {
        s = {
          sectionId: r.sectionId,
          title: JSON.parse(r.title) as LocalizedText,
          criteria: 0,
          ratings: Object.fromEntries(RATINGS.map((x) => [x, 0])) as Record<Rating, number>,
          noRating: 0,
        };
        sections.set(r.sectionId, s);
      }
      s.criteria += r.count;
      if (r.rating === null) s.noRating += r.count;
      else s.ratings[r.rating] += r.count;
    }
    const results = ctx.db
      .prepare(`SELECT count(*) AS n FROM consolidated_result WHERE audit_id = ? AND archived_at IS NULL`)
      .get(audit.id) as { n: number };
    return { auditId: audit.id, results: results.n, sections: [...sections.values()] };
  },

  /** The programme's figures on `today` (by default the core's clock's day). */
  programme(
    ctx: ReadContext & { now?: (() => string) | undefined },
    input: z.output<typeof ProgrammeDashboardInput>,
  ): ProgrammeDashboard {
    const today = input.today ?? (ctx.now?.() ?? new Date().toISOString()).slice(0, 10);
    const managerId = managerScope(ctx);
    const scope = findingScope(managerId);
    const db = ctx.db;

    const findings = (
      db.prepare(`SELECT count(*) AS n FROM finding f WHERE ${scope.where}`).get(...scope.params) as { n: number }
    ).n;
    const findingsByGround = all<{ code: string; label: string | null; count: number }>(
      db,
      `SELECT fg.ground_code AS code, g.label, count(*) AS count
       FROM finding f JOIN finding_ground fg ON fg.finding_id = f.id
       LEFT JOIN ground g ON g.code = fg.ground_code
       WHERE ${scope.where}
       GROUP BY fg.ground_code
       ORDER BY count DESC, fg.ground_code`,
      ...scope.params,
    ).map((r) => ({
      code: r.code,
      label: r.label === null ? {} : (JSON.parse(r.label) as LocalizedText),
      count: r.count,
    }));
    const findingsWithoutGround = (
      db
        .prepare(
          `SELECT count(*) AS n FROM finding f
           WHERE ${scope.where} AND NOT EXISTS (SELECT 1 FROM finding_ground fg WHERE fg.finding_id = f.id)`,
        )
        .get(...scope.params) as { n: number }
    ).n;
    const severities = new Map(
      all<{ severity: Severity; count: number }>(
        db,
        `SELECT f.severity, count(*) AS count FROM finding f WHERE ${scope.where} GROUP BY f.severity`,
        ...scope.params,
      ).map((r) => [r.severity, r.count]),
    );
    const findingsByService = all<{ serviceId: string; name: string; count: number }>(
      db,
      `SELECT s.id AS serviceId, s.name, count(*) AS count
       FROM finding f JOIN audit a ON a.id = f.audit_id JOIN service s ON s.id = a.service_id
       WHERE ${scope.where}
       GROUP BY s.id
       ORDER BY s.name, s.id`,
      ...scope.params,
    );

    // The action plan: live measures, by the status the repository derives.
    const liveMeasures = `SELECT t.id, ${MEASURE_STATUS_SQL} AS status FROM measure t WHERE t.archived_at IS NULL`;
    const statuses = new Map(
      all<{ status: MeasureStatus; count: number }>(
        db,
        `SELECT status, count(*) AS count FROM (${liveMeasures}) GROUP BY status`,
      ).map((r) => [r.status, r.count]),
    );
    // Only measures past their due date can be overdue; `isOverdue` decides which are.
    const overdue: OverdueMeasure[] = all<{
      measureId: string;
      title: string;
      department: string;
      responsibleCode: string | null;
      dueDate: string;
      status: MeasureStatus;
    }>(
      db,
      `SELECT t.id AS measureId, t.title, t.department, p.code AS responsibleCode, t.due_date AS dueDate,
              ${MEASURE_STATUS_SQL} AS status
       FROM measure t LEFT JOIN person p ON p.id = t.responsible_id
       WHERE t.archived_at IS NULL AND t.due_date IS NOT NULL AND t.due_date < ?`,
      today,
    )
      .filter((m) => isOverdue(m, today))
      .map((m) => ({ ...m, daysOverdue: daysOverdue(m, today) }))
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.title.localeCompare(b.title));

    return {
      today,
      managedServicesOnly: managerId !== undefined,
      findings,
      findingsByGround,
      findingsWithoutGround,
      findingsBySeverity: SEVERITIES.map((severity) => ({ severity, count: severities.get(severity) ?? 0 })),
      findingsByService,
      measures: [...statuses.values()].reduce((a, b) => a + b, 0),
      measuresByStatus: MEASURE_STATUSES.map((status) => ({ status, count: statuses.get(status) ?? 0 })),
      overdue,
      indicators: indicators(db),
    };
  },
};

/**
 * Each live measure's indicator values over time, one point per date (the latest live update of
 * that date: SQLite takes a bare column from the row holding max(rowid)), with its baseline and
 * target; measures without any indicator value are left out.
 */
function indicators(db: ReadableDB): IndicatorSeries[] {
  const rows = all<{
    measureId: string;
    title: string;
    indicator: string;
    baseline: number | null;
    target: number | null;
    points: string;
  }>(
    db,
    `SELECT m.id AS measureId, m.title, m.indicator, m.baseline, m.target,
            json_group_array(json_object('date', v.date, 'value', v.value) ORDER BY v.date) AS points
     FROM (SELECT measure_id, date, indicator_value AS value, max(rowid)
           FROM progress_update
           WHERE archived_at IS NULL AND indicator_value IS NOT NULL
           GROUP BY measure_id, date) v
     JOIN measure m ON m.id = v.measure_id
     WHERE m.archived_at IS NULL
     GROUP BY m.id
     ORDER BY m.created_at, m.rowid`,
  );
  return rows.map((r) => ({ ...r, points: JSON.parse(r.points) as IndicatorSeries['points'] }));
}

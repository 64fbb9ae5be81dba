/**
 * The dashboard queries (src/main/core/services/dashboards.ts) on the demo programme plus a few
 * edge cases, against the same figures counted here in JavaScript from plain `SELECT *`s of the
 * database file: compliance per section, findings by ground, severity and service (a manager's
 * own services only), measures by their latest status, overdue measures, indicators over time.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/main/core/seed/demo';
import { daysOverdue, isOverdue } from '../../src/shared/domain/actionPlan';
import { MEASURE_STATUSES, RATINGS, SEVERITIES } from '../../src/shared/domain/vocabulary';
import { as, databaseOf, expectError, testCore, type TestCore } from './helpers/core';

type Row = Record<string, unknown> & { id: string; archived_at: string | null };
let core: TestCore;
let db: Database.Database;
const TODAY = '2026-04-15';

const rows = (table: string): Row[] => db.prepare(`SELECT rowid AS _rowid, * FROM ${table}`).all() as Row[];
const live = (table: string): Row[] => rows(table).filter((r) => r.archived_at === null);
const tally = <K>(keys: K[]): Map<K, number> => {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};

/** The findings a person counts, computed from every row. */
function expectedFindings(managerId?: string) {
  const liveAudits = new Map(live('audit').map((a) => [a.id, a]));
  const services = new Map(rows('service').map((s) => [s.id, s]));
  const findings = live('finding').filter((f) => {
    const a = liveAudits.get(f.audit_id as string);
    return (
      a !== undefined && (managerId === undefined || services.get(a.service_id as string)!.manager_id === managerId)
    );
  });
  const ids = new Set(findings.map((f) => f.id));
  const links = (
    db.prepare('SELECT * FROM finding_ground').all() as { finding_id: string; ground_code: string }[]
  ).filter((l) => ids.has(l.finding_id));
  const byService = tally(findings.map((f) => liveAudits.get(f.audit_id as string)!.service_id as string));
  return {
    findings: findings.length,
    byGround: Object.fromEntries(tally(links.map((l) => l.ground_code))),
    withoutGround: findings.filter((f) => !links.some((l) => l.finding_id === f.id)).length,
    bySeverity: SEVERITIES.map((severity) => ({
      severity,
      count: findings.filter((f) => f.severity === severity).length,
    })),
    byService: Object.fromEntries([...byService].map(([id, n]) => [services.get(id)!.name as string, n])),
  };
}

/** Each live measure with its latest live update's status (by date, then entry order). */
function expectedMeasures() {
  const updates = live('progress_update').sort(
    (a, b) => String(a.date).localeCompare(String(b.date)) || Number(a._rowid) - Number(b._rowid),
  );
  return live('measure').map((m) => {
    const own = updates.filter((p) => p.measure_id === m.id);
    const byDate = new Map<string, number>();
    for (const p of own) if (p.indicator_value !== null) byDate.set(p.date as string, p.indicator_value as number);
    return {
      id: m.id,
      title: m.title as string,
      dueDate: m.due_date as string | null,
      status: (own.at(-1)?.status ?? 'not_started') as (typeof MEASURE_STATUSES)[number],
      points: [...byDate].map(([date, value]) => ({ date, value })),
    };
  });
}

beforeAll(async () => {
  core = testCore();
  await loadDemo(core.call);
  const audits = (await core.call('audits.list', {})).items;
  const audit = audits.find((a) => a.status !== 'closed') ?? audits[0]!;
  // Edge cases: a finding without grounds, an archived finding, two updates on one date (the
  // later one counts), an archived update, an overdue measure and a done one past its date.
  await core.call('findings.create', {
    auditId: audit.id,
    title: 'No ground',
    severity: 'critical',
    type: 'structural',
  });
  const gone = await core.call('findings.create', {
    auditId: audit.id,
    title: 'Archived',
    severity: 'low',
    type: 'structural',
    grounds: ['age'],
  });
  await core.call('findings.archive', { id: gone.id, rev: gone.rev });
  const late = await core.call('measures.create', {
    title: 'Late measure',
    actionArea: 'data_collection',
    dueDate: '2026-01-31',
    indicator: 'Forms',
    baseline: 0,
    target: 10,
  });
  await core.call('measures.recordProgress', {
    measureId: late.id,
    date: '2026-02-01',
    status: 'in_progress',
    indicatorValue: 2,
  });
  await core.call('measures.recordProgress', {
    measureId: late.id,
    date: '2026-02-01',
    status: 'in_progress',
    indicatorValue: 3,
  });
  const wrong = await core.call('measures.recordProgress', {
    measureId: late.id,
    date: '2026-03-01',
    status: 'done',
    indicatorValue: 99,
  });
  await core.call('measures.withdrawProgress', { id: wrong.id, rev: wrong.rev });
  const finished = await core.call('measures.create', {
    title: 'Finished measure',
    actionArea: 'data_collection',
    dueDate: '2026-01-31',
  });
  await core.call('measures.recordProgress', { measureId: finished.id, date: '2026-02-10', status: 'done' });
  db = new Database(databaseOf(core), { readonly: true });
});
afterAll(() => {
  db?.close();
  core?.cleanup();
});

describe('dashboards.programme', () => {
  it('counts findings by ground, severity and service as the rows say', async () => {
    const d = await core.call('dashboards.programme', { today: TODAY });
    const e = expectedFindings();
    expect(e.findings).toBeGreaterThan(5);
    expect(d.managedServicesOnly).toBe(false);
    expect(d.findings).toBe(e.findings);
    expect(Object.fromEntries(d.findingsByGround.map((g) => [g.code, g.count]))).toEqual(e.byGround);
    expect(d.findingsWithoutGround).toBe(e.withoutGround);
    expect(d.findingsWithoutGround).toBeGreaterThan(0);
    expect(d.findingsBySeverity).toEqual(e.bySeverity);
    expect(Object.fromEntries(d.findingsByService.map((s) => [s.name, s.count]))).toEqual(e.byService);
  });

  it('counts measures by their latest status, lists the overdue ones and each indicator over time', async () => {
    const d = await core.call('dashboards.programme', { today: TODAY });
    const measures = expectedMeasures();
    expect(d.measures).toBe(measures.length);
    expect(d.measuresByStatus).toEqual(
      MEASURE_STATUSES.map((status) => ({ status, count: measures.filter((m) => m.status === status).length })),
    );
    const overdue = measures.filter((m) => isOverdue(m, TODAY));
    expect(overdue.map((m) => m.title)).toContain('Late measure');
    expect(overdue.map((m) => m.title)).not.toContain('Finished measure');
    expect(d.overdue.map((m) => [m.title, m.daysOverdue]).sort()).toEqual(
      overdue.map((m) => [m.title, daysOverdue(m, TODAY)]).sort(),
    );
    expect(d.overdue.map((m) => m.daysOverdue)).toEqual([...d.overdue.map((m) => m.daysOverdue)].sort((a, b) => b - a));
    const withValues = measures.filter((m) => m.points.length > 0);
    expect(d.indicators.map((i) => [i.title, i.points])).toEqual(withValues.map((m) => [m.title, m.points]));
    const late = d.indicators.find((i) => i.title === 'Late measure')!;
    expect(late).toMatchObject({ baseline: 0, target: 10, points: [{ date: '2026-02-01', value: 3 }] });
    // Another day, other overdue measures.
    const earlier = (await core.call('dashboards.programme', { today: '2026-01-15' })).overdue.map((m) => m.title);
    expect(earlier.sort()).toEqual(
      measures
        .filter((m) => isOverdue(m, '2026-01-15'))
        .map((m) => m.title)
        .sort(),
    );
    expect(earlier).not.toContain('Late measure');
  });

  it("gives a manager only their services' findings, and the whole plan", async () => {
    const services = live('service');
    const manager = live('person').find(
      (p) =>
        p.role === 'manager' &&
        expectedFindings(p.id).findings > 0 &&
        expectedFindings(p.id).findings < expectedFindings().findings,
    )!;
    expect(manager).toBeDefined();
    await as(core, manager.id);
    try {
      const d = await core.call('dashboards.programme', { today: TODAY });
      const e = expectedFindings(manager.id);
      expect(d.managedServicesOnly).toBe(true);
      expect(d.findings).toBe(e.findings);
      expect(Object.fromEntries(d.findingsByGround.map((g) => [g.code, g.count]))).toEqual(e.byGround);
      expect(d.findingsBySeverity).toEqual(e.bySeverity);
      expect(Object.fromEntries(d.findingsByService.map((s) => [s.name, s.count]))).toEqual(e.byService);
      const own = new Set(services.filter((s) => s.manager_id === manager.id).map((s) => s.name));
      expect(d.findingsByService.every((s) => own.has(s.name))).toBe(true);
      expect(d.measures).toBe(expectedMeasures().length);
    } finally {
      await as(core, live('person').find((p) => p.role === 'coordinator')!.id);
    }
  });

  it('refuses an auditor, and a malformed day', async () => {
    const auditor = live('person').find((p) => p.role === 'auditor')!;
    await as(core, auditor.id);
    try {
      await expectError(core.call('dashboards.programme', {}), 'forbidden');
    } finally {
      await as(core, live('person').find((p) => p.role === 'coordinator')!.id);
    }
    await expectError(core.call('dashboards.programme', { today: '15/04/2026' }), 'invalid_input');
  });
});

describe('dashboards.audit', () => {
  it("counts each section's criteria by consolidated rating, the rest as no rating", async () => {
    for (const audit of live('audit')) {
      const d = await core.call('dashboards.audit', { auditId: audit.id });
      const sections = live('template_section')
        .filter((s) => s.version_id === audit.template_version_id)
        .sort((a, b) => Number(a.position) - Number(b.position));
      const criteria = live('criterion');
      const results = live('consolidated_result').filter((r) => r.audit_id === audit.id);
      expect(d.results).toBe(results.length);
      expect(d.sections.map((s) => s.sectionId)).toEqual(sections.map((s) => s.id));
      for (const [i, s] of sections.entries()) {
        const own = criteria.filter((c) => c.section_id === s.id);
        const rated = own.map((c) => results.find((r) => r.criterion_id === c.id)?.rating ?? null);
        expect(d.sections[i]).toEqual({
          sectionId: s.id,
          title: JSON.parse(s.title as string),
          criteria: own.length,
          ratings: Object.fromEntries(RATINGS.map((r) => [r, rated.filter((x) => x === r).length])),
          noRating: rated.filter((x) => x === null).length,
        });
      }
    }
    const rated = (await core.call('dashboards.audit', { auditId: live('audit')[0]!.id })).sections;
    expect(rated.some((s) => RATINGS.some((r) => s.ratings[r] > 0))).toBe(true);
  });

  it('counts every criterion as no rating while nothing is consolidated; an unknown audit is not found', async () => {
    const someAudit = live('audit')[0]!;
    const service = live('service')[0]!;
    const planned = await core.call('audits.plan', {
      serviceId: service.id,
      templateVersionId: someAudit.template_version_id as string,
      title: 'Not started',
      methods: ['survey'],
    });
    const d = await core.call('dashboards.audit', { auditId: planned.id });
    expect(d.results).toBe(0);
    expect(d.sections.length).toBeGreaterThan(0);
    expect(d.sections.every((s) => s.noRating === s.criteria && RATINGS.every((r) => s.ratings[r] === 0))).toBe(true);
    await expectError(core.call('dashboards.audit', { auditId: '00000000-0000-4000-8000-0000000000ff' }), 'not_found');
  });

  it('shows a section without criteria with nothing counted', async () => {
    const { version } = await core.call('templates.create', { name: { en: 'Two sections' } });
    const empty = await core.call('sections.add', { versionId: version.id, title: { en: 'Empty' } });
    const full = await core.call('sections.add', { versionId: version.id, title: { en: 'Full' } });
    await core.call('criteria.add', { sectionId: full.id, text: { en: 'C' } });
    await core.call('templateVersions.publish', { id: version.id, rev: version.rev });
    const planned = await core.call('audits.plan', {
      serviceId: live('service')[0]!.id,
      templateVersionId: version.id,
      title: 'Two sections',
      methods: ['survey'],
    });
    const d = await core.call('dashboards.audit', { auditId: planned.id });
    expect(d.sections.map((s) => [s.sectionId, s.criteria, s.noRating])).toEqual([
      [empty.id, 0, 0],
      [full.id, 1, 1],
    ]);
  });
});

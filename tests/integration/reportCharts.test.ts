/**
 * The Word reports draw the dashboards' charts (src/shared/charts/dashboards.ts): the audit
 * report's compliance chart is the Overview tab's chart of the figures the report prints, and the
 * monitoring report's status chart is the Dashboards screen's chart of the plan's measures. The
 * charts are caught on their way to the picture renderer.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/open';
import type { ChartPicture } from '../../src/main/core/reports/chartImage';
import { buildReport } from '../../src/main/core/reports/generate';
import { loadDemo } from '../../src/main/core/seed/demo';
import type { Chart } from '../../src/shared/charts';
import { complianceChart, measureStatusChart } from '../../src/shared/charts/dashboards';
import { ReportGenerate } from '../../src/shared/domain/report';
import { MEASURE_STATUSES, RATINGS, type Rating } from '../../src/shared/domain/vocabulary';
import { reportEn } from '../../src/shared/i18n/reportEn';
import { en } from '../../src/shared/i18n/en';
import { frozenClock, testCore, type TestCore } from './helpers/core';

let core: TestCore;
let auditId: string;
let db: ReturnType<typeof openDatabase>;

beforeAll(async () => {
  core = testCore({ clock: frozenClock() });
  await loadDemo(core.call);
  auditId = (await core.call('audits.list', {})).items[0]!.id;
  db = openDatabase(join(core.dataDir, 'citizen-audit.sqlite'));
});
afterAll(() => {
  db.close();
  core.cleanup();
});

/** An option without its functions (label formatters are closures: equal in what they do, not as values). */
const plain = (option: unknown): unknown => JSON.parse(JSON.stringify(option));

/** The charts a report hands to the renderer, in order. */
function chartsOf(kind: 'audit' | 'monitoring'): Chart[] {
  const charts: Chart[] = [];
  const blank: ChartPicture = { png: new Uint8Array([137, 80, 78, 71]), width: 2, height: 2 };
  buildReport(
    { db, personId: null, attachmentsDir: join(core.dataDir, 'attachments') },
    ReportGenerate.parse({ kind, language: 'en', reportDate: '2026-03-31', ...(kind === 'audit' ? { auditId } : {}) }),
    { io: { renderChart: (c) => (charts.push(c), blank), readAttachment: () => null } },
  );
  return charts;
}

describe('the reports draw the dashboards’ charts', () => {
  it('the audit report’s compliance chart is the Overview tab’s chart of the figures in its table', () => {
    const chart = chartsOf('audit').find((c) => c.title === reportEn.doc.chartComplianceTitle)!;
    expect(chart).toBeDefined();
    // Columns: section, the five ratings, open (no rating yet), total.
    expect(chart.table.columns).toEqual([
      reportEn.doc.section,
      ...RATINGS.map((r) => en.vocab.rating[r]),
      reportEn.doc.notRated,
      reportEn.doc.total,
    ]);
    const figures = chart.table.rows.map((row, i) => ({
      sectionId: String(i),
      title: { en: String(row[0]) },
      criteria: Number(row.at(-1)),
      ratings: Object.fromEntries(RATINGS.map((r, ri) => [r, Number(row[ri + 1])])) as Record<Rating, number>,
      noRating: Number(row[RATINGS.length + 1]),
    }));
    expect(figures.length).toBeGreaterThan(1);
    const expected = complianceChart(
      { auditId, results: 0, sections: figures },
      {
        title: reportEn.doc.chartComplianceTitle,
        alt: reportEn.doc.chartComplianceAlt,
        empty: reportEn.doc.chartComplianceEmpty,
        section: reportEn.doc.section,
        total: reportEn.doc.total,
        noRating: reportEn.doc.notRated,
        ratings: en.vocab.rating,
        localize: (t) => t.en ?? '',
      },
    );
    expect(plain(chart.option)).toEqual(plain(expected.option));
    expect(chart.table).toEqual(expected.table);
    expect(chart.alt).toBe(expected.alt);
  });

  it('the monitoring report’s status chart is the Dashboards screen’s chart of the plan’s measures', async () => {
    const measures = (await core.call('measures.list', { limit: 200 })).items;
    expect(measures.length).toBeGreaterThan(0);
    const chart = chartsOf('monitoring').find((c) => c.title === reportEn.doc.chartStatusTitle)!;
    const expected = measureStatusChart(
      {
        measures: measures.length,
        measuresByStatus: MEASURE_STATUSES.map((status) => ({
          status,
          count: measures.filter((m) => m.status === status).length,
        })),
      },
      {
        title: reportEn.doc.chartStatusTitle,
        alt: reportEn.doc.chartStatusAlt,
        empty: reportEn.doc.noMeasuresYet,
        header: reportEn.doc.status,
        count: reportEn.doc.count,
        statuses: en.vocab.measureStatus,
      },
    );
    expect(chart.option).toEqual(expected.option);
    expect(chart.table).toEqual(expected.table);
  });
});

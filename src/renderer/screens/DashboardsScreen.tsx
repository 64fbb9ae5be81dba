/**
 * The programme's dashboards (docs/dashboards.md): findings by ground, severity and service (a
 * manager's own services only), the action plan by status, the overdue measures (marked in
 * words, not colour alone) and each indicator over time against its baseline and target. Every
 * chart has a table view; an empty one says so.
 */
import { useMemo, useState } from 'react';
import { Alert, Badge, Loader, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ProgrammeDashboard } from '../../shared/domain/dashboards';
import {
  findingsByGroundChart,
  findingsBySeverityChart,
  findingsByServiceChart,
  indicatorChart,
  measureStatusChart,
} from '../../shared/charts/dashboards';
import { MEASURE_STATUSES, SEVERITIES } from '../../shared/domain/vocabulary';
import { errorMessage } from '../api/client';
import { useProgrammeDashboard } from '../api/dashboardHooks';
import { ChartView } from '../components/ChartView';
import { DataTable, formatDate } from '../components/DataTable';
import { Count } from '../components/Count';
import { PageHeader } from '../components/PageHeader';
import { localized } from './audit/text';

const severities = (t: TFunction) =>
  Object.fromEntries(SEVERITIES.map((s) => [s, t(`vocab.severity.${s}`)])) as Record<
    (typeof SEVERITIES)[number],
    string
  >;
const statuses = (t: TFunction) =>
  Object.fromEntries(MEASURE_STATUSES.map((s) => [s, t(`vocab.measureStatus.${s}`)])) as Record<
    (typeof MEASURE_STATUSES)[number],
    string
  >;

/** The four charts of the programme, in the reader's language. */
function programmeCharts(d: ProgrammeDashboard, t: TFunction, language: string) {
  const localize = (text: Readonly<Record<string, string>>) => localized(text, language);
  const findings = { count: t('dashboards.findings'), empty: t('dashboards.noFindings') };
  return {
    ground: findingsByGroundChart(d, {
      ...findings,
      title: t('dashboards.byGroundTitle'),
      alt: t('dashboards.byGroundAlt'),
      header: t('dashboards.ground'),
      withoutGround: t('dashboards.withoutGround'),
      localize,
    }),
    severity: findingsBySeverityChart(d, {
      ...findings,
      title: t('dashboards.bySeverityTitle'),
      alt: t('dashboards.bySeverityAlt'),
      header: t('dashboards.severity'),
      severities: severities(t),
    }),
    service: findingsByServiceChart(d, {
      ...findings,
      title: t('dashboards.byServiceTitle'),
      alt: t('dashboards.byServiceAlt'),
      header: t('dashboards.service'),
    }),
    status: measureStatusChart(d, {
      count: t('dashboards.measures'),
      empty: t('dashboards.noMeasures'),
      title: t('dashboards.statusTitle'),
      alt: t('dashboards.statusAlt'),
      header: t('dashboards.status'),
      statuses: statuses(t),
    }),
  };
}

function Overdue({ d }: { d: ProgrammeDashboard }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="dashboards-overdue">
      <Title order={2} size="h3" id="dashboards-overdue" mb={4}>
        {t('dashboards.overdueTitle')}
      </Title>
      <Text c="dimmed" mb="sm">
        {t('dashboards.overdueIntro', { date: formatDate(d.today, i18n.language) })}
      </Text>
      <DataTable
        label={t('dashboards.overdueTable')}
        headers={[
          t('dashboards.measure'),
          t('dashboards.department'),
          t('dashboards.responsible'),
          t('dashboards.dueDate'),
          t('dashboards.daysOverdue'),
          t('dashboards.status'),
        ]}
        empty={t('dashboards.overdueNone')}
        count={d.overdue.length}
      >
        {d.overdue.map((m) => (
          <Table.Tr key={m.measureId} data-testid="overdue-measure">
            <Table.Td>{m.title}</Table.Td>
            <Table.Td>{m.department}</Table.Td>
            <Table.Td>{m.responsibleCode ?? t('dashboards.unassigned')}</Table.Td>
            <Table.Td>{formatDate(m.dueDate, i18n.language)}</Table.Td>
            <Table.Td>{m.daysOverdue}</Table.Td>
            <Table.Td>
              {/* Marked in words: the badge says "Overdue", beside the status. */}
              <Badge color="red" variant="outline" mr="xs">
                {t('dashboards.overdueMark')}
              </Badge>
              {t(`vocab.measureStatus.${m.status}`)}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </section>
  );
}

function Indicators({ d }: { d: ProgrammeDashboard }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const current = d.indicators.find((i) => i.measureId === picked) ?? d.indicators[0];
  const chart = useMemo(() => {
    if (!current) return null;
    const name = current.indicator || current.title;
    return indicatorChart(current, {
      title: t('dashboards.indicatorTitle', { indicator: name }),
      alt: t('dashboards.indicatorAlt', { indicator: name }),
      empty: t('dashboards.indicatorEmpty'),
      date: t('dashboards.date'),
      series: t('dashboards.line'),
      value: t('dashboards.value'),
      values: t('dashboards.values'),
      baseline: t('dashboards.baseline'),
      target: t('dashboards.target'),
      axisDate: (iso) => formatDate(iso, i18n.language) ?? iso,
      tableDate: (iso) => formatDate(iso, i18n.language) ?? iso,
    });
  }, [current, t, i18n.language]);
  return (
    <section aria-labelledby="dashboards-indicators">
      <Title order={2} size="h3" id="dashboards-indicators" mb="sm">
        {t('dashboards.indicatorsTitle')}
      </Title>
      {!current || !chart ? (
        <Text c="dimmed">{t('dashboards.noIndicators')}</Text>
      ) : (
        <Stack gap="sm">
          <NativeSelect
            label={t('dashboards.indicatorPick')}
            value={current.measureId}
            onChange={(e) => setPicked(e.currentTarget.value)}
            data={d.indicators.map((i) => ({ value: i.measureId, label: i.title }))}
            maw={560}
          />
          <ChartView chart={chart} level={3} testId="chart-indicator" />
        </Stack>
      )}
    </section>
  );
}

export function DashboardsScreen(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const dashboard = useProgrammeDashboard();
  const d = dashboard.data;
  const charts = useMemo(() => (d ? programmeCharts(d, t, i18n.language) : null), [d, t, i18n.language]);
  return (
    <>
      <PageHeader
        title={t('dashboards.title')}
        intro={d?.managedServicesOnly ? t('dashboards.introManager') : t('dashboards.intro')}
      />
      {dashboard.isError ? (
        <Alert color="red" role="alert" title={t('app.loadFailed')}>
          {errorMessage(dashboard.error, i18n.language)}
        </Alert>
      ) : !d || !charts ? (
        <Loader aria-label={t('app.loading')} />
      ) : (
        <Stack gap="xl">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Count label={t('dashboards.findings')} value={d.findings} testId="count-findings" />
            <Count label={t('dashboards.measures')} value={d.measures} testId="count-measures" />
            <Count label={t('dashboards.overdueCount')} value={d.overdue.length} testId="count-overdue" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <ChartView chart={charts.ground} testId="chart-ground" />
            <ChartView chart={charts.severity} testId="chart-severity" />
            <ChartView chart={charts.service} testId="chart-service" />
            <ChartView chart={charts.status} testId="chart-status" />
          </SimpleGrid>
          <Overdue d={d} />
          <Indicators d={d} />
        </Stack>
      )}
    </>
  );
}

/**
 * A chart of src/shared/charts on screen: its title as a heading, the ECharts picture
 * (./ChartPicture.tsx, loaded on first use) sized to its container, and a "Table view" toggle
 * that shows the same figures as a real table.
 * An empty chart shows its message instead of a blank picture.
 *
 * The picture is an image named by the chart's alt text (ECharts' own description is replaced
 * by it); the figures are in the table view, one keypress away.
 */
import { lazy, Suspense, useId, useState } from 'react';
import { Button, Group, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardChart } from '../../shared/charts/dashboards';

// ECharts is loaded with the first picture, in a chunk of its own: screens without charts never load it.
const Picture = lazy(() => import('./ChartPicture'));

function FiguresTable({ chart }: { chart: DashboardChart }): React.JSX.Element {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs" horizontalSpacing="md" withTableBorder striped data-testid="chart-table">
        <Table.Caption>{chart.title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {chart.table.columns.map((c) => (
              <Table.Th key={c} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {chart.table.rows.map((row, i) => (
            <Table.Tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <Table.Th key={j} scope="row" fw={400}>
                    {cell}
                  </Table.Th>
                ) : (
                  <Table.Td key={j}>{cell}</Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** `<ChartView chart={…} level={2} />`: the chart, its table view, or its empty-state message. */
export function ChartView({
  chart,
  level = 2,
  testId,
}: {
  chart: DashboardChart;
  level?: 2 | 3;
  testId?: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const hasRows = chart.table.rows.length > 0;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid={testId}>
      <Group justify="space-between" align="center" mb="sm">
        <Title order={level} size="h4" id={headingId}>
          {chart.title}
        </Title>
        {hasRows && (
          <Button variant="default" size="xs" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {t('dashboards.tableView')}
          </Button>
        )}
      </Group>
      {asTable && hasRows ? (
        <FiguresTable chart={chart} />
      ) : chart.empty !== null ? (
        <Text c="dimmed" data-testid="chart-empty">
          {chart.empty}
        </Text>
      ) : (
        <Suspense fallback={<Loader size="sm" aria-label={t('app.loading')} />}>
          <Picture chart={chart} />
        </Suspense>
      )}
    </Paper>
  );
}

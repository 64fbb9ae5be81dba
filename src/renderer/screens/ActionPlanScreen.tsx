/**
 * The Local Action Plan (`/plan`), public to everyone in the programme: the measures grouped by
 * action area (as the programme names them), each with its owner, dates, indicator, budget and
 * status, overdue ones marked in words and with an icon. The coordinator adds measures, and
 * turns the accepted recommendations that no measure carries out yet into measures.
 */
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isOverdue, type Measure } from '../../shared/domain/actionPlan';
import { mayCall } from '../../shared/api/roles';
import { useMeasures, usePeople, useSession } from '../api/hooks';
import { useAreaNames } from '../api/planHooks';
import { DataTable, formatDate } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { measurePath } from '../components/TracePanel';
import { emptyMeasure, type MeasureEditing, MeasureModal } from './plan/MeasureForm';
import { formatBudget } from './plan/MeasureScreen';
import { MeasureStatus, today } from './plan/status';
import { UnplannedList } from './plan/UnplannedList';

function AreaTable({
  area,
  name,
  measures,
}: {
  area: string;
  name: string;
  measures: readonly Measure[];
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const people = usePeople({});
  const byId = new Map((people.data ?? []).map((p) => [p.id, p]));
  const none = t('plan.notSet');
  const overdue = measures.filter((m) => isOverdue(m, today())).length;
  const headingId = `area-${area}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Group gap="md" align="baseline">
        <Title order={2} size="h3" id={headingId}>
          {name}
        </Title>
        <Text size="sm" c="dimmed">
          {t('plan.areaCount', { count: measures.length })}
          {overdue > 0 && ` · ${t('plan.overdueCount', { count: overdue })}`}
        </Text>
      </Group>
      <DataTable
        label={t('plan.areaTable', { area: name })}
        headers={[
          t('plan.columns.measure'),
          t('plan.columns.owner'),
          t('plan.columns.dates'),
          t('plan.columns.indicator'),
          t('plan.columns.budget'),
          t('plan.columns.status'),
        ]}
        empty={t('plan.areaEmpty')}
        count={measures.length}
      >
        {measures.map((m) => {
          const who = m.responsibleId ? byId.get(m.responsibleId) : undefined;
          const unit = m.indicatorUnit ? ` ${m.indicatorUnit}` : '';
          const n = (v: number | null) => (v === null ? none : `${v}${unit}`);
          return (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Anchor component={Link} to={measurePath(m.id)} fw={500}>
                  {m.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{m.department || none}</Text>
                {who && (
                  <Text size="sm" c="dimmed">
                    {who.displayName} ({who.code})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t('plan.from', { date: formatDate(m.startDate, i18n.language) ?? none })}</Text>
                <Text size="sm">{t('plan.due', { date: formatDate(m.dueDate, i18n.language) ?? none })}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{m.indicator || none}</Text>
                {(m.baseline !== null || m.target !== null) && (
                  <Text size="sm" c="dimmed">
                    {t('plan.baselineTarget', { baseline: n(m.baseline), target: n(m.target) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatBudget(m.budget, i18n.language) ?? none}</Table.Td>
              <Table.Td>
                <MeasureStatus measure={m} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
    </Stack>
  );
}

export function ActionPlanScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const role = useSession().data?.currentPerson?.role ?? null;
  const canCreate = mayCall('measures.create', role);
  const measures = useMeasures();
  const areas = useAreaNames();
  const [editing, setEditing] = useState<MeasureEditing | null>(null);
  const all = measures.data ?? [];
  const shown = areas.list.filter((a) => all.some((m) => m.actionArea === a.area));

  return (
    <>
      <PageHeader
        title={t('plan.title')}
        intro={t('plan.intro')}
        action={
          canCreate && (
            <Button onClick={() => setEditing({ mode: 'create', values: emptyMeasure(), recommendations: [] })}>
              {t('plan.add')}
            </Button>
          )
        }
      />
      <Stack gap="xl">
        {canCreate && <UnplannedList onCreate={setEditing} />}
        {measures.isSuccess && all.length === 0 && <Text>{t('plan.noMeasures')}</Text>}
        {shown.map((a) => (
          <AreaTable key={a.area} area={a.area} name={a.name} measures={all.filter((m) => m.actionArea === a.area)} />
        ))}
      </Stack>
      <MeasureModal editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}

/**
 * One measure of the plan (`/plan/:id`): what it is, who owns it and when, its indicator, its
 * status (overdue marked), its progress updates, the trace back to the evidence (managers and
 * the coordinator), and its history (the coordinator's).
 */
import { Alert, Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Measure } from '../../../shared/domain/actionPlan';
import { mayCall } from '../../../shared/api/roles';
import { api } from '../../api/client';
import { usePeople, useSession } from '../../api/hooks';
import { useAreaNames, useMeasure } from '../../api/planHooks';
import { ConfirmArchive } from '../../components/ConfirmArchive';
import { formatDate } from '../../components/DataTable';
import { HistoryPanel } from '../../components/HistoryPanel';
import { TracePanel } from '../../components/TracePanel';
import { MeasureModal, type MeasureEditing } from './MeasureForm';
import { ProgressSection } from './ProgressSection';
import { MeasureStatus } from './status';

function Fact({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <div>
      <Text size="sm" fw={600} component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

/** Money in the UI language, whole euros. */
export const formatBudget = (n: number | null, language: string): string | null =>
  n === null
    ? null
    : new Intl.NumberFormat(language === 'es' ? 'es-ES' : 'en-GB', {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0,
      }).format(n);

export function MeasureScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const { id } = useParams();
  const measure = useMeasure(id);
  if (measure.isError)
    return (
      <Alert color="red" title={t('plan.notFound')} role="alert">
        <Anchor component={Link} to="/plan">
          {t('plan.back')}
        </Anchor>
      </Alert>
    );
  if (!measure.data) return <Loader aria-label={t('app.loading')} />;
  return <MeasurePage measure={measure.data} />;
}

function MeasurePage({ measure: m }: { measure: Measure }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const me = useSession().data?.currentPerson ?? null;
  const people = usePeople({});
  const areas = useAreaNames();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<MeasureEditing | null>(null);
  const [archiving, setArchiving] = useState(false);
  const role = me?.role ?? null;
  const canEdit = mayCall('measures.update', role);
  const canRecord = role === 'coordinator' || (me !== null && m.responsibleId === me.id);
  const responsible = (people.data ?? []).find((p) => p.id === m.responsibleId);
  const none = t('plan.notSet');
  const unit = m.indicatorUnit ? ` ${m.indicatorUnit}` : '';
  const value = (n: number | null) => (n === null ? none : `${n}${unit}`);

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/plan" size="sm">
          {t('plan.back')}
        </Anchor>
        <Group justify="space-between" align="flex-end" mt="xs">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {areas.name(m.actionArea)}
            </Text>
            <Title order={1} size="h2">
              {m.title}
            </Title>
          </Stack>
          {canEdit && (
            <Group gap="xs">
              <Button variant="default" onClick={() => setEditing({ mode: 'edit', measure: m, recommendations: [] })}>
                {t('plan.edit')}
              </Button>
              <Button variant="default" color="red" onClick={() => setArchiving(true)}>
                {t('plan.archive')}
              </Button>
            </Group>
          )}
        </Group>
      </div>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="facts-title">
        <Title order={2} size="h4" id="facts-title" mb="sm">
          {t('plan.facts')}
        </Title>
        <Stack gap="sm">
          {m.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{m.description}</Text>}
          <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
            <Fact label={t('plan.columns.status')}>
              <MeasureStatus measure={m} withDays />
            </Fact>
            <Fact label={t('plan.fields.department')}>{m.department || none}</Fact>
            <Fact label={t('plan.fields.responsible')}>
              {responsible ? `${responsible.displayName} (${responsible.code})` : none}
            </Fact>
            <Fact label={t('plan.fields.startDate')}>{formatDate(m.startDate, i18n.language) ?? none}</Fact>
            <Fact label={t('plan.fields.dueDate')}>{formatDate(m.dueDate, i18n.language) ?? none}</Fact>
            <Fact label={t('plan.fields.budget')}>{formatBudget(m.budget, i18n.language) ?? none}</Fact>
            <Fact label={t('plan.fields.indicator')}>{m.indicator || none}</Fact>
            <Fact label={t('plan.fields.baseline')}>{value(m.baseline)}</Fact>
            <Fact label={t('plan.fields.target')}>{value(m.target)}</Fact>
          </SimpleGrid>
        </Stack>
      </Paper>
      <ProgressSection measure={m} canRecord={canRecord} />
      {mayCall('trace.measure', role) && <TracePanel kind="measure" id={m.id} />}
      {role === 'coordinator' && <HistoryPanel entityId={m.id} entity="measure" title={t('plan.history')} />}
      <MeasureModal editing={editing} onClose={() => setEditing(null)} />
      <ConfirmArchive
        name={archiving ? m.title : null}
        onCancel={() => setArchiving(false)}
        onConfirm={async () => {
          await api.call('measures.archive', { id: m.id, rev: m.rev });
          await qc.invalidateQueries({ queryKey: ['measures'] });
          setArchiving(false);
          void navigate('/plan');
        }}
      />
    </Stack>
  );
}

/**
 * What the audit is: service, checklist version, methods, team and lead, dates, scope; its
 * compliance per section (a chart with its table view); its history.
 */
import { useMemo } from 'react';
import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Audit } from '../../../shared/domain/audit';
import { usePeople, useServices } from '../../api/hooks';
import { useChecklist } from '../../api/fieldworkHooks';
import { formatDate } from '../../components/DataTable';
import { HistoryPanel } from '../../components/HistoryPanel';
import { useAuditDashboard } from '../../api/dashboardHooks';
import { ChartView } from '../../components/ChartView';
import { complianceChart } from '../../../shared/charts/dashboards';
import { RATINGS } from '../../../shared/domain/vocabulary';
import { localized } from './text';

function Field({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** The audit's compliance per section, from its consolidated results. */
function Compliance({ auditId }: { auditId: string }): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const dashboard = useAuditDashboard(auditId);
  const d = dashboard.data;
  const chart = useMemo(
    () =>
      d
        ? complianceChart(d, {
            title: t('dashboards.complianceTitle'),
            alt: t('dashboards.complianceAlt'),
            empty: t('dashboards.complianceEmpty'),
            section: t('dashboards.section'),
            total: t('dashboards.total'),
            noRating: t('dashboards.noRating'),
            ratings: Object.fromEntries(RATINGS.map((r) => [r, t(`vocab.rating.${r}`)])) as Record<
              (typeof RATINGS)[number],
              string
            >,
            localize: (text) => localized(text, i18n.language),
          })
        : null,
    [d, t, i18n.language],
  );
  if (!chart || !d) return null;
  return (
    <Stack gap={4}>
      <ChartView chart={chart} testId="chart-compliance" />
      <Text size="sm" c="dimmed" data-testid="compliance-results">
        {t('dashboards.complianceResults', { count: d.results })}
      </Text>
    </Stack>
  );
}

export function OverviewTab({ audit }: { audit: Audit }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const services = useServices({ includeArchived: true });
  const people = usePeople({ includeArchived: true });
  const checklist = useChecklist(audit.templateVersionId);
  const byId = new Map((people.data ?? []).map((p) => [p.id, p]));
  const service = (services.data ?? []).find((s) => s.id === audit.serviceId);
  const date = (d: string | null) => formatDate(d, i18n.language) ?? t('common.none');
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Field label={t('fieldwork.audits.service')}>{service?.name ?? t('common.none')}</Field>
          <Field label={t('fieldwork.audits.template')}>
            {checklist.data
              ? t('fieldwork.audits.templateVersion', {
                  name: localized(checklist.data.template.name, i18n.language),
                  number: checklist.data.version.number,
                })
              : t('common.none')}
          </Field>
          <Field label={t('fieldwork.audits.methods')}>
            <Group gap={4}>
              {audit.methods.map((m) => (
                <Badge key={m} variant="outline">
                  {t(`vocab.method.${m}`)}
                </Badge>
              ))}
            </Group>
          </Field>
          <Field label={t('fieldwork.audits.team')}>
            {audit.teamIds
              .map((id) => {
                const p = byId.get(id);
                const name = p ? `${p.displayName} (${p.code})` : id;
                return id === audit.leadId ? `${name} — ${t('fieldwork.audits.lead')}` : name;
              })
              .join(', ') || t('common.none')}
          </Field>
          <Field label={t('fieldwork.audits.planned')}>
            {date(audit.plannedStart)} – {date(audit.plannedEnd)}
          </Field>
          <Field label={t('fieldwork.audits.actual')}>
            {date(audit.actualStart)} – {date(audit.actualEnd)}
          </Field>
        </SimpleGrid>
        {audit.scope && (
          <Field label={t('fieldwork.audits.scope')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{audit.scope}</Text>
          </Field>
        )}
      </Paper>
      <Compliance auditId={audit.id} />
      <HistoryPanel entityId={audit.id} entity="audit" />
    </Stack>
  );
}

/** What the audit is: service, checklist version, methods, team and lead, dates, scope; its history. */
import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Audit } from '../../../shared/domain/audit';
import { usePeople, useServices } from '../../api/hooks';
import { useChecklist } from '../../api/fieldworkHooks';
import { formatDate } from '../../components/DataTable';
import { HistoryPanel } from '../../components/HistoryPanel';
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
      <HistoryPanel entityId={audit.id} entity="audit" />
    </Stack>
  );
}

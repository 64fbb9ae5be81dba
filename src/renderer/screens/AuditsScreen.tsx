/**
 * The programme's audits: a list filtered by status, service and auditor, with a search over
 * titles; planning a new audit (service, a published template version, methods, team and lead,
 * dates). Each audit opens its own page (`/audits/:id`).
 */
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AuditPlan } from '../../shared/domain/audit';
import { AUDIT_METHODS, AUDIT_STATUSES, type AuditStatus } from '../../shared/domain/vocabulary';
import { useApiMutation, usePeople, useServices } from '../api/hooks';
import { usePublishedVersions } from '../api/fieldworkHooks';
import { useAudits } from '../api/hooks';
import { DataTable, formatDate } from '../components/DataTable';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { dateOrNull, useForm } from '../components/useForm';
import { localized } from './audit/text';

type PlanValues = {
  title: string;
  serviceId: string;
  templateVersionId: string;
  scope: string;
  methods: string;
  teamIds: string;
  leadId: string;
  plannedStart: string;
  plannedEnd: string;
};
const emptyPlan = (): PlanValues => ({
  title: '',
  serviceId: '',
  templateVersionId: '',
  scope: '',
  methods: 'site_visit',
  teamIds: '',
  leadId: '',
  plannedStart: '',
  plannedEnd: '',
});
const list = (s: string): string[] => (s ? s.split(',') : []);

export const statusColor: Record<AuditStatus, string> = {
  planned: 'gray',
  fieldwork: 'indigo',
  submitted: 'grape',
  in_review: 'grape',
  reported: 'indigo',
  closed: 'gray',
};

export function AuditsScreen(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [status, setStatus] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [auditorId, setAuditorId] = useState('');
  const [search, setSearch] = useState('');
  const [planning, setPlanning] = useState(false);
  const audits = useAudits({
    ...(status ? { status: status as AuditStatus } : {}),
    ...(serviceId ? { serviceId } : {}),
  });
  const services = useServices({});
  const people = usePeople({});
  const versions = usePublishedVersions();
  const plan = useApiMutation('audits.plan', ['audits']);
  const form = useForm(emptyPlan());

  const serviceName = new Map((services.data ?? []).map((s) => [s.id, s.name]));
  const personById = new Map((people.data ?? []).map((p) => [p.id, p]));
  const auditors = (people.data ?? []).filter((p) => p.role === 'auditor');
  const words = search.trim().toLocaleLowerCase(i18n.language);
  const rows = (audits.data ?? []).filter(
    (a) =>
      (!auditorId || a.teamIds.includes(auditorId)) &&
      (!words || `${a.title} ${a.scope}`.toLocaleLowerCase(i18n.language).includes(words)),
  );

  const team = list(form.values.teamIds);

  const save = async () => {
    const v = form.values;
    const input = {
      title: v.title,
      serviceId: v.serviceId,
      templateVersionId: v.templateVersionId,
      scope: v.scope,
      methods: list(v.methods) as (typeof AUDIT_METHODS)[number][],
      teamIds: list(v.teamIds),
      leadId: v.leadId || null,
      plannedStart: dateOrNull(v.plannedStart),
      plannedEnd: dateOrNull(v.plannedEnd),
    };
    let created: string | null = null;
    const ok = await form.submit(AuditPlan, input, async (i) => {
      created = (await plan.mutateAsync(i)).id;
    });
    if (ok && created) {
      setPlanning(false);
      void navigate(`/audits/${created}`);
    }
  };

  return (
    <>
      <PageHeader
        title={t('fieldwork.audits.title')}
        intro={t('fieldwork.audits.intro')}
        action={
          <Button
            onClick={() => {
              form.reset(emptyPlan());
              setPlanning(true);
            }}
          >
            {t('fieldwork.audits.plan')}
          </Button>
        }
      />
      <Group mb="md" gap="sm" align="flex-end">
        <TextInput
          label={t('fieldwork.audits.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
        />
        <NativeSelect
          label={t('fieldwork.audits.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: '', label: t('common.all') },
            ...AUDIT_STATUSES.map((s) => ({ value: s, label: t(`vocab.auditStatus.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('fieldwork.audits.service')}
          value={serviceId}
          onChange={(e) => setServiceId(e.currentTarget.value)}
          data={[
            { value: '', label: t('common.all') },
            ...(services.data ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <NativeSelect
          label={t('fieldwork.audits.auditor')}
          value={auditorId}
          onChange={(e) => setAuditorId(e.currentTarget.value)}
          data={[
            { value: '', label: t('common.all') },
            ...auditors.map((p) => ({ value: p.id, label: `${p.displayName} (${p.code})` })),
          ]}
        />
      </Group>
      <DataTable
        label={t('fieldwork.audits.tableLabel')}
        headers={[
          t('fieldwork.audits.auditTitle'),
          t('fieldwork.audits.service'),
          t('fieldwork.audits.status'),
          t('fieldwork.audits.lead'),
          t('fieldwork.audits.planned'),
        ]}
        empty={t('fieldwork.audits.empty')}
        count={audits.isSuccess ? rows.length : 1}
      >
        {rows.map((a) => {
          const lead = a.leadId ? personById.get(a.leadId) : undefined;
          return (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/audits/${a.id}`} fw={500}>
                  {a.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{serviceName.get(a.serviceId) ?? t('common.none')}</Table.Td>
              <Table.Td>
                <Badge color={statusColor[a.status]} variant="light">
                  {t(`vocab.auditStatus.${a.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{lead ? `${lead.displayName} (${lead.code})` : t('common.none')}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {[formatDate(a.plannedStart, i18n.language), formatDate(a.plannedEnd, i18n.language)]
                    .filter(Boolean)
                    .join(' – ') || t('common.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <FormModal
        opened={planning}
        title={t('fieldwork.audits.planTitle')}
        onClose={() => setPlanning(false)}
        onSubmit={() => void save()}
        submitting={form.submitting}
        serverError={form.serverError}
        formRef={form.formRef}
      >
        <Stack gap="sm">
          <TextInput label={t('fieldwork.audits.auditTitle')} required {...form.text('title')} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('fieldwork.audits.service')}
              required
              value={form.values.serviceId}
              onChange={(e) => form.set('serviceId', e.currentTarget.value)}
              error={form.errors.serviceId}
              data={[
                { value: '', label: t('fieldwork.audits.choose') },
                ...(services.data ?? []).map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
            <NativeSelect
              label={t('fieldwork.audits.template')}
              required
              value={form.values.templateVersionId}
              onChange={(e) => form.set('templateVersionId', e.currentTarget.value)}
              error={form.errors.templateVersionId}
              data={[
                { value: '', label: t('fieldwork.audits.choose') },
                ...(versions.data ?? []).map((v) => ({
                  value: v.versionId,
                  label: t('fieldwork.audits.templateVersion', {
                    name: localized(v.templateName, i18n.language),
                    number: v.number,
                  }),
                })),
              ]}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('fieldwork.audits.methods')}
            value={list(form.values.methods)}
            onChange={(v) => form.set('methods', v.join(','))}
            error={form.errors.methods}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4}>
              {AUDIT_METHODS.map((m) => (
                <Checkbox key={m} value={m} label={t(`vocab.method.${m}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('fieldwork.audits.team')}
            value={team}
            onChange={(v) => form.set('teamIds', v.join(','))}
            error={form.errors.teamIds}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4}>
              {auditors.map((p) => (
                <Checkbox key={p.id} value={p.id} label={`${p.displayName} (${p.code})`} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <NativeSelect
            label={t('fieldwork.audits.lead')}
            value={form.values.leadId}
            onChange={(e) => form.set('leadId', e.currentTarget.value)}
            error={form.errors.leadId}
            data={[
              { value: '', label: t('common.none') },
              ...team.map((id) => {
                const p = personById.get(id);
                return { value: id, label: p ? `${p.displayName} (${p.code})` : id };
              }),
            ]}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('fieldwork.audits.plannedStart')} {...form.text('plannedStart')} />
            <TextInput type="date" label={t('fieldwork.audits.plannedEnd')} {...form.text('plannedEnd')} />
          </SimpleGrid>
          <Textarea label={t('fieldwork.audits.scope')} autosize minRows={2} {...form.text('scope')} />
        </Stack>
      </FormModal>
    </>
  );
}

/** Auditors, managers and coordinators: list (filter by role), create, edit, archive. */
import { Alert, Badge, Button, Group, List, SegmentedControl, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_ROLES } from '../../shared/domain/vocabulary';
import { PersonCreate, PersonUpdate, type Person } from '../../shared/domain/programme';
import type { Input } from '../../shared/api/contract';
import { api } from '../api/client';
import { useApiMutation, useAudits, useMeasures, usePeople, useServices, useSession } from '../api/hooks';
import { ConfirmArchive } from '../components/ConfirmArchive';
import { DataTable, formatDate } from '../components/DataTable';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { emptyPerson, personInput, PersonFields, personValues } from '../components/PersonForm';
import { RowActions } from '../components/RowActions';
import { useForm } from '../components/useForm';

type Editing = { mode: 'create' } | { mode: 'edit'; person: Person } | null;
type RoleFilter = NonNullable<Input<'people.list'>['role']> | 'all';

export function PeopleScreen(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const session = useSession().data;
  const [role, setRole] = useState<RoleFilter>('all');
  const people = usePeople(role === 'all' ? {} : { role });
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const [archiving, setArchiving] = useState<Person | null>(null);
  const form = useForm(emptyPerson());
  // Any change to people can change the current person shown in the header: refresh the session too.
  const create = useApiMutation('people.create', ['people']);
  const update = useApiMutation('people.update', ['people', 'session']);
  const rows = people.data ?? [];

  const open = (next: Exclude<Editing, null>) => {
    form.reset(next.mode === 'edit' ? personValues(next.person) : emptyPerson(role === 'all' ? 'auditor' : role));
    setEditing(next);
  };

  const save = async () => {
    if (!editing) return;
    const input = personInput(form.values);
    const ok =
      editing.mode === 'create'
        ? await form.submit(PersonCreate, input, (i) => create.mutateAsync(i))
        : await form.submit(PersonUpdate, { id: editing.person.id, rev: editing.person.rev, ...input }, (i) =>
            update.mutateAsync(i),
          );
    if (ok) setEditing(null);
  };

  return (
    <>
      <PageHeader
        title={t('people.title')}
        intro={t('people.intro')}
        action={<Button onClick={() => open({ mode: 'create' })}>{t('people.add')}</Button>}
      />
      <Group mb="md" gap="sm">
        <Text size="sm" fw={500} id="role-filter-label">
          {t('people.filterLabel')}
        </Text>
        <SegmentedControl
          aria-labelledby="role-filter-label"
          value={role}
          onChange={(v) => setRole(v as RoleFilter)}
          data={[
            { value: 'all', label: t('common.all') },
            ...PERSON_ROLES.map((r) => ({ value: r, label: t(`vocab.role.${r}`) })),
          ]}
        />
      </Group>
      <DataTable
        label={t('people.tableLabel')}
        headers={[
          t('fields.displayName'),
          t('fields.role'),
          t('fields.code'),
          t('fields.certificationDate'),
          t('common.actions'),
        ]}
        empty={t('people.empty')}
        count={people.isSuccess ? rows.length : 1}
      >
        {rows.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Text fw={500}>{p.displayName}</Text>
                {session?.currentPerson?.id === p.id && <Badge color="indigo">{t('people.current')}</Badge>}
              </Group>
            </Table.Td>
            <Table.Td>{t(`vocab.role.${p.role}`)}</Table.Td>
            <Table.Td>
              <Text ff="monospace" size="sm">
                {p.code}
              </Text>
            </Table.Td>
            <Table.Td>{formatDate(p.certificationDate, i18n.language) ?? t('common.none')}</Table.Td>
            <Table.Td>
              {/* Nobody archives themselves: the app must always know who is working. */}
              <RowActions
                name={p.displayName}
                onEdit={() => open({ mode: 'edit', person: p })}
                onArchive={session?.currentPerson?.id !== p.id ? () => setArchiving(p) : undefined}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <FormModal
        opened={editing !== null}
        title={
          editing?.mode === 'edit' ? t('common.editOf', { name: editing.person.displayName }) : t('people.createTitle')
        }
        onClose={() => setEditing(null)}
        onSubmit={() => void save()}
        submitting={form.submitting}
        serverError={form.serverError}
        formRef={form.formRef}
        dirty={form.dirty}
      >
        <PersonFields form={form} full />
      </FormModal>
      <ConfirmArchive
        name={archiving?.displayName ?? null}
        warning={archiving && <StillAssigned person={archiving} />}
        onCancel={() => setArchiving(null)}
        onConfirm={async () => {
          if (!archiving) return;
          await api.call('people.archive', { id: archiving.id, rev: archiving.rev });
          // The core leaves the person's services and measures without them: refresh those too.
          await Promise.all(['people', 'services', 'measures'].map((k) => qc.invalidateQueries({ queryKey: [k] })));
          setArchiving(null);
        }}
      />
    </>
  );
}

/** Where a person is still assigned: said before archiving them (docs/roles.md). */
function StillAssigned({ person }: { person: Person }): React.JSX.Element | null {
  const { t } = useTranslation();
  const services = useServices({});
  const audits = useAudits();
  const measures = useMeasures();
  const items = [
    ...(services.data ?? [])
      .filter((s) => s.managerId === person.id)
      .map((s) => t('people.assignedManager', { name: s.name })),
    ...(audits.data ?? [])
      .filter((a) => a.status !== 'closed' && a.teamIds.includes(person.id))
      .map((a) => t('people.assignedTeam', { title: a.title })),
    ...(measures.data ?? [])
      .filter((m) => m.responsibleId === person.id)
      .map((m) => t('people.assignedMeasure', { title: m.title })),
  ];
  if (items.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={t('people.stillAssigned')} data-testid="still-assigned">
      <List size="sm" spacing={2}>
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {t('people.stillAssignedAfter')}
      </Text>
    </Alert>
  );
}

/** The audited services of the programme: list, create, edit, archive (after confirmation). */
import { Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServiceCreate, ServiceUpdate, type Service } from '../../shared/domain/programme';
import { api } from '../api/client';
import { mayCall } from '../../shared/api/roles';
import { useApiMutation, usePeople, useServices, useSession } from '../api/hooks';
import { ConfirmArchive } from '../components/ConfirmArchive';
import { DataTable } from '../components/DataTable';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { emptyService, serviceFieldsInput, ServiceFields, serviceValues } from '../components/ServiceForm';
import { RowActions } from '../components/RowActions';
import { useForm } from '../components/useForm';
import { useQueryClient } from '@tanstack/react-query';

type Editing = { mode: 'create' } | { mode: 'edit'; service: Service } | null;

export function ServicesScreen(): React.JSX.Element | null {
  const { t } = useTranslation();
  const session = useSession().data;
  const programmeId = session?.programme?.id;
  // Only the coordinator changes services (docs/roles.md); others see the list.
  const canEdit = mayCall('services.update', session?.currentPerson?.role ?? null);
  const services = useServices({});
  const people = usePeople({});
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const [archiving, setArchiving] = useState<Service | null>(null);
  const form = useForm(emptyService());
  const create = useApiMutation('services.create', ['services']);
  const update = useApiMutation('services.update', ['services']);

  const byId = new Map((people.data ?? []).map((p) => [p.id, p]));
  const managers = (people.data ?? []).filter((p) => p.role === 'manager');
  const rows = services.data ?? [];

  const open = (next: Exclude<Editing, null>) => {
    form.reset(next.mode === 'edit' ? serviceValues(next.service) : emptyService());
    setEditing(next);
  };

  const save = async () => {
    if (!editing || !programmeId) return;
    const fields = serviceFieldsInput(form.values);
    const ok =
      editing.mode === 'create'
        ? await form.submit(ServiceCreate, fields, (input) => create.mutateAsync(input))
        : await form.submit(ServiceUpdate, { id: editing.service.id, rev: editing.service.rev, ...fields }, (input) =>
            update.mutateAsync(input),
          );
    if (ok) setEditing(null);
  };

  if (!programmeId) return null;
  return (
    <>
      <PageHeader
        title={t('services.title')}
        intro={t('services.intro')}
        action={canEdit && <Button onClick={() => open({ mode: 'create' })}>{t('services.add')}</Button>}
      />
      <DataTable
        label={t('services.tableLabel')}
        headers={[
          t('fields.serviceName'),
          t('fields.department'),
          t('fields.manager'),
          ...(canEdit ? [t('common.actions')] : []),
        ]}
        empty={t('services.empty')}
        count={services.isSuccess ? rows.length : 1}
      >
        {rows.map((s) => {
          const manager = s.managerId ? byId.get(s.managerId) : undefined;
          return (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Text fw={500}>{s.name}</Text>
                {s.address && (
                  <Text size="sm" c="dimmed">
                    {s.address}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{s.department || t('common.none')}</Table.Td>
              <Table.Td>{manager ? manager.displayName : t('common.none')}</Table.Td>
              {canEdit && (
                <Table.Td>
                  <RowActions
                    name={s.name}
                    onEdit={() => open({ mode: 'edit', service: s })}
                    onArchive={() => setArchiving(s)}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </DataTable>
      <FormModal
        opened={editing !== null}
        title={
          editing?.mode === 'edit' ? t('common.editOf', { name: editing.service.name }) : t('services.createTitle')
        }
        onClose={() => setEditing(null)}
        onSubmit={() => void save()}
        submitting={form.submitting}
        serverError={form.serverError}
        formRef={form.formRef}
        dirty={form.dirty}
      >
        <ServiceFields
          form={form}
          managers={managers}
          otherNames={rows.filter((r) => editing?.mode !== 'edit' || r.id !== editing.service.id).map((r) => r.name)}
        />
      </FormModal>
      <ConfirmArchive
        name={archiving?.name ?? null}
        onCancel={() => setArchiving(null)}
        onConfirm={async () => {
          if (!archiving) return;
          await api.call('services.archive', { id: archiving.id, rev: archiving.rev });
          await qc.invalidateQueries({ queryKey: ['services'] });
          setArchiving(null);
        }}
      />
    </>
  );
}

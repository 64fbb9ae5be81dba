/** The fields of a Service; its manager is chosen among the people whose role is manager. */
import { NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person, Service } from '../../shared/domain/programme';
import { LIMITS, type FormState } from './useForm';

export type ServiceValues = {
  name: string;
  department: string;
  address: string;
  description: string;
  managerId: string;
};

export const emptyService = (): ServiceValues => ({
  name: '',
  department: '',
  address: '',
  description: '',
  managerId: '',
});

export const serviceValues = (s: Service): ServiceValues => ({
  name: s.name,
  department: s.department,
  address: s.address,
  description: s.description,
  managerId: s.managerId ?? '',
});

/** The editable fields as the channels take them (create adds `programmeId`, update adds `id`). */
export const serviceFieldsInput = (v: ServiceValues) => ({
  name: v.name,
  department: v.department,
  address: v.address,
  description: v.description,
  managerId: v.managerId === '' ? null : v.managerId,
});

export function ServiceFields({
  form,
  managers,
  otherNames = [],
}: {
  form: FormState<ServiceValues>;
  managers: readonly Person[];
  /** The names of the other live services: a service of the same name is warned about, not refused. */
  otherNames?: readonly string[];
}): React.JSX.Element {
  const { t } = useTranslation();
  const typed = form.values.name.trim().toLocaleLowerCase();
  const same = typed ? otherNames.find((n) => n.trim().toLocaleLowerCase() === typed) : undefined;
  const options = [
    { value: '', label: t('fields.noManager') },
    ...managers.map((m) => ({ value: m.id, label: `${m.displayName} (${m.code})` })),
  ];
  return (
    <Stack gap="sm">
      <TextInput
        label={t('fields.serviceName')}
        required
        {...form.text('name', {
          max: LIMITS.name,
          hint: same ? t('services.sameName', { name: same }) : null,
        })}
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('fields.department')} {...form.text('department', { max: LIMITS.short })} />
        <NativeSelect
          label={t('fields.manager')}
          data={options}
          value={form.values.managerId}
          onChange={(e) => form.set('managerId', e.currentTarget.value)}
          error={form.errors.managerId}
        />
      </SimpleGrid>
      <TextInput label={t('fields.address')} autoComplete="off" {...form.text('address', { max: LIMITS.address })} />
      <Textarea
        label={t('fields.description')}
        autosize
        minRows={2}
        {...form.text('description', { max: LIMITS.text })}
      />
    </Stack>
  );
}

/** The fields of a Person, as used by the People screen and (a subset) by "Who are you?". */
import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PERSON_ROLES } from '../../shared/domain/vocabulary';
import type { Person } from '../../shared/domain/programme';
import type { Input } from '../../shared/api/contract';
import { dateOrNull, LIMITS, type FormState } from './useForm';
import { DateField } from './DateField';

export type PersonValues = {
  displayName: string;
  role: string;
  code: string;
  email: string;
  organisation: string;
  certificationDate: string;
};

export const emptyPerson = (role = 'auditor'): PersonValues => ({
  displayName: '',
  role,
  code: '',
  email: '',
  organisation: '',
  certificationDate: '',
});

export const personValues = (p: Person): PersonValues => ({
  displayName: p.displayName,
  role: p.role,
  code: p.code,
  email: p.email,
  organisation: p.organisation,
  certificationDate: p.certificationDate ?? '',
});

/** Form text → the channel's input; the schema decides whether it is valid. */
export const personInput = (v: PersonValues) =>
  ({
    displayName: v.displayName,
    role: v.role,
    code: v.code,
    email: v.email.trim(),
    organisation: v.organisation,
    certificationDate: dateOrNull(v.certificationDate),
  }) as Input<'people.create'>;

export function PersonFields({
  form,
  full,
  roleChoice = true,
}: {
  form: FormState<PersonValues>;
  full: boolean;
  /** False on first start: the first person is the coordinator (docs/roles.md). */
  roleChoice?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const roles = PERSON_ROLES.map((r) => ({ value: r, label: t(`vocab.role.${r}`) }));
  return (
    <Stack gap="sm">
      <TextInput
        label={t('fields.displayName')}
        required
        autoComplete="name"
        {...form.text('displayName', { max: LIMITS.name })}
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {roleChoice && (
          <NativeSelect
            label={t('fields.role')}
            required
            data={roles}
            value={form.values.role}
            onChange={(e) => form.set('role', e.currentTarget.value)}
            error={form.errors.role}
          />
        )}
        <TextInput
          label={t('fields.code')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          required
          autoComplete="off"
          spellCheck={false}
          {...form.text('code', { hint: t('fields.codeHint') })}
        />
      </SimpleGrid>
      {full && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('fields.email')} type="email" autoComplete="email" {...form.text('email')} />
            <TextInput label={t('fields.organisation')} {...form.text('organisation', { max: LIMITS.short })} />
          </SimpleGrid>
          <DateField
            label={t('fields.certificationDate')}
            value={form.values.certificationDate}
            onChange={(v) => form.set('certificationDate', v)}
            error={form.errors.certificationDate}
          />
        </>
      )}
    </Stack>
  );
}

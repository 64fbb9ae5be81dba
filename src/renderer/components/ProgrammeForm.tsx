/** The fields of a Programme, shared by the start screen (create) and the Programme screen (edit). */
import { NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../shared/domain/vocabulary';
import type { Programme } from '../../shared/domain/programme';
import type { Input } from '../../shared/api/contract';
import { dateOrNull, LIMITS, type FormState } from './useForm';
import { DateField } from './DateField';

export type ProgrammeValues = {
  name: string;
  city: string;
  coordinatingOffice: string;
  periodStart: string;
  periodEnd: string;
  defaultLanguage: string;
  reportBranding: string;
};

export const emptyProgramme = (language: string): ProgrammeValues => ({
  name: '',
  city: '',
  coordinatingOffice: '',
  periodStart: '',
  periodEnd: '',
  defaultLanguage: language,
  reportBranding: '',
});

export const programmeValues = (p: Programme): ProgrammeValues => ({
  name: p.name,
  city: p.city,
  coordinatingOffice: p.coordinatingOffice,
  periodStart: p.periodStart ?? '',
  periodEnd: p.periodEnd ?? '',
  defaultLanguage: p.defaultLanguage,
  reportBranding: p.reportBranding,
});

export const programmeInput = (v: ProgrammeValues) =>
  ({
    name: v.name,
    city: v.city,
    coordinatingOffice: v.coordinatingOffice,
    periodStart: dateOrNull(v.periodStart),
    periodEnd: dateOrNull(v.periodEnd),
    defaultLanguage: v.defaultLanguage,
    reportBranding: v.reportBranding,
  }) as Input<'programme.setUp'>;

export function ProgrammeFields({ form }: { form: FormState<ProgrammeValues> }): React.JSX.Element {
  const { t } = useTranslation();
  const languages = LANGUAGES.map((l) => ({ value: l, label: t(`vocab.language.${l}`) }));
  return (
    <Stack gap="sm">
      <TextInput label={t('fields.programmeName')} required {...form.text('name', { max: LIMITS.name })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('fields.city')}
          required
          autoComplete="address-level2"
          {...form.text('city', { max: LIMITS.name })}
        />
        <TextInput label={t('fields.coordinatingOffice')} {...form.text('coordinatingOffice', { max: LIMITS.short })} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField
          label={t('fields.periodStart')}
          value={form.values.periodStart}
          onChange={(v) => form.set('periodStart', v)}
          error={form.errors.periodStart}
        />
        <DateField
          label={t('fields.periodEnd')}
          value={form.values.periodEnd}
          onChange={(v) => form.set('periodEnd', v)}
          error={form.errors.periodEnd}
        />
        <NativeSelect
          label={t('fields.defaultLanguage')}
          data={languages}
          value={form.values.defaultLanguage}
          onChange={(e) => form.set('defaultLanguage', e.currentTarget.value)}
          error={form.errors.defaultLanguage}
        />
      </SimpleGrid>
      <Textarea
        label={t('fields.reportBranding')}
        inputWrapperOrder={['label', 'description', 'input', 'error']}
        autosize
        minRows={2}
        {...form.text('reportBranding', { max: LIMITS.branding, hint: t('fields.reportBrandingHint') })}
      />
    </Stack>
  );
}

/** The fields of a Programme, shared by the start screen (create) and the Programme screen (edit). */
import { Fieldset, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTION_AREAS, LANGUAGES, type ActionArea, type Language } from '../../shared/domain/vocabulary';
import type { ActionAreaNames, Programme } from '../../shared/domain/programme';
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
} & Record<AreaKey, string>;

/** The form's field of an action area's name in one language (`area.data_collection.es`). */
type AreaKey = `area.${ActionArea}.${Language}`;
const areaKey = (area: ActionArea, language: Language): AreaKey => `area.${area}.${language}`;
const areaValues = (names: ActionAreaNames): Record<AreaKey, string> =>
  Object.fromEntries(ACTION_AREAS.flatMap((a) => LANGUAGES.map((l) => [areaKey(a, l), names[a]?.[l] ?? '']))) as Record<
    AreaKey,
    string
  >;
/** The names typed, leaving out the empty ones (those keep the default). */
const areaNames = (v: ProgrammeValues): ActionAreaNames => {
  const names: ActionAreaNames = {};
  for (const a of ACTION_AREAS)
    for (const l of LANGUAGES) {
      const name = v[areaKey(a, l)].trim();
      if (name) names[a] = { ...names[a], [l]: name };
    }
  return names;
};

export const emptyProgramme = (language: string): ProgrammeValues => ({
  name: '',
  city: '',
  coordinatingOffice: '',
  periodStart: '',
  periodEnd: '',
  defaultLanguage: language,
  reportBranding: '',
  ...areaValues({}),
});

export const programmeValues = (p: Programme): ProgrammeValues => ({
  name: p.name,
  city: p.city,
  coordinatingOffice: p.coordinatingOffice,
  periodStart: p.periodStart ?? '',
  periodEnd: p.periodEnd ?? '',
  defaultLanguage: p.defaultLanguage,
  reportBranding: p.reportBranding,
  ...areaValues(p.actionAreaNames),
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
    actionAreaNames: areaNames(v),
  }) as Input<'programme.setUp'>;

/**
 * The programme's own names of the action areas, one field per area and language; an empty
 * field keeps the default name, shown as its description.
 */
export function ActionAreaNamesFields({ form }: { form: FormState<ProgrammeValues> }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('plan.areaNames.legend')} variant="unstyled">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('plan.areaNames.intro')}
        </Text>
        {ACTION_AREAS.map((a) => (
          <SimpleGrid key={a} cols={{ base: 1, sm: LANGUAGES.length }}>
            {LANGUAGES.map((l) => (
              <TextInput
                key={l}
                label={t('plan.areaNames.label', {
                  area: t(`vocab.actionArea.${a}`),
                  language: t(`vocab.language.${l}`),
                })}
                {...form.text(areaKey(a, l), {
                  max: LIMITS.name,
                  hint: t('plan.areaNames.default', { name: t(`vocab.actionArea.${a}`, { lng: l }) }),
                })}
              />
            ))}
          </SimpleGrid>
        ))}
      </Stack>
    </Fieldset>
  );
}

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

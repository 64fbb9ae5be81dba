/**
 * The fields of the template forms: a criterion (texts and guidance per language, response type
 * and options, weight, grounds, reference), a section title, a template's name. Values are
 * strings while typed (they stay in the form until the core accepts them); `…Input` turns them
 * into what the channels take.
 */
import { Checkbox, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Criterion, Section, Template } from '../../../shared/domain/template';
import type { Ground } from '../../../shared/domain/programme';
import { RESPONSE_TYPES, type Language } from '../../../shared/domain/vocabulary';
import type { FormState } from '../useForm';
import { anyText, localized } from './localized';

export type CriterionValues = {
  textEn: string;
  textEs: string;
  guidanceEn: string;
  guidanceEs: string;
  responseType: string;
  choicesEn: string;
  choicesEs: string;
  weight: string;
  /** Ground codes joined by commas. */
  grounds: string;
  reference: string;
};

export const emptyCriterion = (): CriterionValues => ({
  textEn: '',
  textEs: '',
  guidanceEn: '',
  guidanceEs: '',
  responseType: 'rating',
  choicesEn: '',
  choicesEs: '',
  weight: '',
  grounds: '',
  reference: '',
});

export const criterionValues = (c: Criterion): CriterionValues => ({
  textEn: c.text.en ?? '',
  textEs: c.text.es ?? '',
  guidanceEn: c.guidance.en ?? '',
  guidanceEs: c.guidance.es ?? '',
  responseType: c.responseType,
  choicesEn: c.choices.map((o) => o.en ?? '').join('\n'),
  choicesEs: c.choices.map((o) => o.es ?? '').join('\n'),
  weight: c.weight === null ? '' : String(c.weight),
  grounds: c.grounds.join(','),
  reference: c.reference,
});

const lines = (s: string): string[] => (s.trim() === '' ? [] : s.replace(/\s+$/, '').split('\n'));

/** The fields as `criteria.add` / `criteria.edit` take them. */
export function criterionInput(v: CriterionValues) {
  const responseType = v.responseType as Criterion['responseType'];
  const en = lines(v.choicesEn);
  const es = lines(v.choicesEs);
  const choices =
    responseType === 'choice'
      ? Array.from({ length: Math.max(en.length, es.length) }, (_, i) => localized(en[i] ?? '', es[i] ?? ''))
      : [];
  return {
    text: localized(v.textEn, v.textEs),
    guidance: localized(v.guidanceEn, v.guidanceEs),
    responseType,
    choices,
    weight: v.weight.trim() === '' ? null : Number(v.weight.replace(',', '.')),
    grounds: v.grounds === '' ? [] : v.grounds.split(','),
    reference: v.reference,
  };
}

export function CriterionFields({
  form,
  grounds,
  language,
}: {
  form: FormState<CriterionValues>;
  grounds: readonly Ground[];
  language: Language;
}): React.JSX.Element {
  const { t } = useTranslation();
  const e = form.errors;
  const selected = form.values.grounds === '' ? [] : form.values.grounds.split(',');
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea
          label={t('templates.fields.textEn')}
          lang="en"
          autosize
          minRows={2}
          data-autofocus
          {...form.text('textEn')}
          error={e.textEn ?? e.text}
        />
        <Textarea label={t('templates.fields.textEs')} lang="es" autosize minRows={2} {...form.text('textEs')} />
        <Textarea
          label={t('templates.fields.guidanceEn')}
          lang="en"
          autosize
          minRows={2}
          {...form.text('guidanceEn')}
          error={e.guidanceEn ?? e.guidance}
        />
        <Textarea
          label={t('templates.fields.guidanceEs')}
          lang="es"
          autosize
          minRows={2}
          {...form.text('guidanceEs')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('templates.fields.responseType')}
          data={RESPONSE_TYPES.map((r) => ({ value: r, label: t(`vocab.responseType.${r}`) }))}
          value={form.values.responseType}
          onChange={(e) => form.set('responseType', e.currentTarget.value)}
          error={form.errors.responseType}
        />
        <TextInput
          label={t('templates.fields.weight')}
          inputMode="decimal"
          {...form.text('weight')}
          description={t('templates.fields.weightHint')}
        />
      </SimpleGrid>
      {form.values.responseType === 'choice' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={t('templates.fields.choicesEn')}
            lang="en"
            autosize
            minRows={3}
            {...form.text('choicesEn')}
            error={e.choicesEn ?? e.choices}
          />
          <Textarea
            label={t('templates.fields.choicesEs')}
            lang="es"
            autosize
            minRows={3}
            {...form.text('choicesEs')}
          />
        </SimpleGrid>
      )}
      <Checkbox.Group
        label={t('templates.fields.grounds')}
        value={selected}
        onChange={(codes) => form.set('grounds', codes.join(','))}
        error={e.grounds}
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="xs">
          {grounds.map((g) => (
            <Checkbox key={g.code} value={g.code} label={anyText(g.label, language)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <TextInput label={t('templates.fields.reference')} {...form.text('reference')} />
    </Stack>
  );
}

export type SectionValues = { titleEn: string; titleEs: string };
export const sectionValues = (s?: Section): SectionValues => ({
  titleEn: s?.title.en ?? '',
  titleEs: s?.title.es ?? '',
});

export function SectionFields({ form }: { form: FormState<SectionValues> }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t('templates.fields.titleEn')}
        lang="en"
        data-autofocus
        {...form.text('titleEn')}
        error={form.errors.titleEn ?? form.errors.title}
      />
      <TextInput label={t('templates.fields.titleEs')} lang="es" {...form.text('titleEs')} />
    </SimpleGrid>
  );
}

export type NameValues = { nameEn: string; nameEs: string; descriptionEn: string; descriptionEs: string };
export const nameValues = (tpl?: Pick<Template, 'name' | 'description'>): NameValues => ({
  nameEn: tpl?.name.en ?? '',
  nameEs: tpl?.name.es ?? '',
  descriptionEn: tpl?.description.en ?? '',
  descriptionEs: tpl?.description.es ?? '',
});

export function NameFields({
  form,
  withDescription,
}: {
  form: FormState<NameValues>;
  withDescription: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t('templates.fields.nameEn')}
        lang="en"
        data-autofocus
        {...form.text('nameEn')}
        error={form.errors.nameEn ?? form.errors.name}
      />
      <TextInput label={t('templates.fields.nameEs')} lang="es" {...form.text('nameEs')} />
      {withDescription && (
        <>
          <Textarea label={t('templates.fields.descriptionEn')} lang="en" autosize {...form.text('descriptionEn')} />
          <Textarea label={t('templates.fields.descriptionEs')} lang="es" autosize {...form.text('descriptionEs')} />
        </>
      )}
    </SimpleGrid>
  );
}

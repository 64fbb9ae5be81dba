/** View and edit the programme; saved by an explicit Save, typed text kept if the save fails. */
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgrammeSetUp, type Programme } from '../../shared/domain/programme';
import { useApiMutation, useSession } from '../api/hooks';
import { PageHeader } from '../components/PageHeader';
import { ActionAreaNamesFields, programmeInput, ProgrammeFields, programmeValues } from '../components/ProgrammeForm';
import { ServerError } from '../components/ServerError';
import { useForm } from '../components/useForm';
import { useUnsavedChanges } from '../app/unsaved';

export function ProgrammeScreen(): React.JSX.Element | null {
  const programme = useSession().data?.programme ?? null;
  // Keyed by id: another workspace's programme starts from its own values, not the previous ones.
  return programme ? <ProgrammeEditor key={programme.id} programme={programme} /> : null;
}

function ProgrammeEditor({ programme }: { programme: Programme }): React.JSX.Element {
  const { t } = useTranslation();
  const form = useForm(programmeValues(programme));
  const update = useApiMutation('programme.update', ['session']);
  const [saved, setSaved] = useState(false);
  useUnsavedChanges(form.dirty);

  return (
    <>
      <PageHeader title={t('programme.title')} intro={t('programme.intro')} />
      <Paper withBorder p="lg" radius="md">
        <form
          ref={form.formRef}
          noValidate
          aria-label={t('programme.title')}
          onChange={() => setSaved(false)}
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            void form
              .submit(ProgrammeSetUp, programmeInput(form.values), (input) =>
                update.mutateAsync({ id: programme.id, rev: programme.rev, ...input }),
              )
              .then((ok) => {
                if (ok) form.markClean();
                setSaved(ok);
              });
          }}
        >
          <Stack gap="md">
            <ProgrammeFields form={form} />
            <ActionAreaNamesFields form={form} />
            <ServerError message={form.serverError} />
            <Group justify="flex-end" gap="md">
              <Text size="sm" c="indigo.9" role="status" aria-live="polite">
                {saved ? t('common.saved') : ''}
              </Text>
              <Button type="submit" loading={form.submitting}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

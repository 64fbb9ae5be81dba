/** An empty programme: create it, or open the demo programme (kept in its own database). */
import { Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProgrammeSetUp } from '../../shared/domain/programme';
import type { SessionState } from '../../shared/api/contract';
import { useApiMutation } from '../api/hooks';
import { errorMessage } from '../api/client';
import { PageHeader } from '../components/PageHeader';
import { emptyProgramme, programmeInput, ProgrammeFields } from '../components/ProgrammeForm';
import { ServerError } from '../components/ServerError';
import { useForm } from '../components/useForm';

export function StartScreen({ session }: { session: SessionState }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const form = useForm(emptyProgramme(session.language));
  const create = useApiMutation('programme.setUp', '*');
  const openWorkspace = useApiMutation('session.openWorkspace', '*');

  return (
    <>
      <PageHeader title={t('start.title')} intro={t('start.intro')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="create-programme">
            <form
              ref={form.formRef}
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void form.submit(ProgrammeSetUp, programmeInput(form.values), (input) => create.mutateAsync(input));
              }}
            >
              <Stack gap="md">
                <Title order={2} size="h3" id="create-programme">
                  {t('start.createTitle')}
                </Title>
                <ProgrammeFields form={form} />
                <ServerError message={form.serverError} />
                <Group justify="flex-end">
                  <Button type="submit" loading={form.submitting}>
                    {t('start.create')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="try-demo" bg="gray.0">
            <Stack gap="md">
              <Title order={2} size="h3" id="try-demo">
                {t('start.demoTitle')}
              </Title>
              <Text size="sm">{t('start.demoBody')}</Text>
              <Button
                variant="outline"
                h="auto"
                py={8}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
                onClick={() => openWorkspace.mutate({ workspace: 'demo' })}
                loading={openWorkspace.isPending}
              >
                {t('app.openDemo')}
              </Button>
              <ServerError message={openWorkspace.error ? errorMessage(openWorkspace.error, i18n.language) : null} />
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}

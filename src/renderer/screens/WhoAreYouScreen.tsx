/** First start: the person using this installation says who they are (`session.begin`). */
import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PersonCreate } from '../../shared/domain/programme';
import type { SessionState } from '../../shared/api/contract';
import { useApiMutation } from '../api/hooks';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { emptyPerson, personInput, PersonFields } from '../components/PersonForm';
import { ServerError } from '../components/ServerError';
import { useForm } from '../components/useForm';

export function WhoAreYouScreen({ session }: { session: SessionState }): React.JSX.Element {
  const { t } = useTranslation();
  const form = useForm(emptyPerson('coordinator'));
  const begin = useApiMutation('session.begin', '*');

  return (
    <Center mih="100vh" p="lg" bg="gray.0">
      <Paper component="main" withBorder shadow="xs" radius="md" p="xl" w="100%" maw={560}>
        <form
          ref={form.formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void form.submit(PersonCreate, personInput(form.values), (input) => begin.mutateAsync(input));
          }}
        >
          <Stack gap="md">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Text fw={700} c="indigo.8">
                {t('app.title')}
              </Text>
              <LanguageSwitch language={session.language} />
            </Group>
            <Title order={1} size="h2">
              {t('whoAreYou.title')}
            </Title>
            <Text c="dimmed">{t('whoAreYou.intro')}</Text>
            <Text size="sm">{t('whoAreYou.coordinatorNote')}</Text>
            <PersonFields form={form} full={false} roleChoice={false} />
            <ServerError message={form.serverError} />
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                {t('whoAreYou.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

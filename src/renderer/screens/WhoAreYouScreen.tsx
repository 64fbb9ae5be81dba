/**
 * First start: the person using this installation says who they are (`session.begin`), or, on a
 * new computer, brings their programme back from a backup (a USB stick, a synchronised folder):
 * the backups channels are open before anyone is chosen for that.
 */
import { Button, Center, Divider, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonCreate } from '../../shared/domain/programme';
import type { SessionState } from '../../shared/api/contract';
import { useApiMutation } from '../api/hooks';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { emptyPerson, personInput, PersonFields } from '../components/PersonForm';
import { ServerError } from '../components/ServerError';
import { useForm } from '../components/useForm';
import { BackupsScreen } from './BackupsScreen';

export function WhoAreYouScreen({ session }: { session: SessionState }): React.JSX.Element {
  const { t } = useTranslation();
  const form = useForm(emptyPerson('coordinator'));
  const begin = useApiMutation('session.begin', '*');
  const [restoring, setRestoring] = useState(false);

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
        <Divider my="lg" />
        <Stack gap="xs">
          <Text size="sm">{t('whoAreYou.restoreIntro')}</Text>
          <Button variant="default" w="fit-content" onClick={() => setRestoring(true)}>
            {t('whoAreYou.restore')}
          </Button>
        </Stack>
      </Paper>
      <Modal
        opened={restoring}
        onClose={() => setRestoring(false)}
        title={t('whoAreYou.restore')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <BackupsScreen />
      </Modal>
    </Center>
  );
}

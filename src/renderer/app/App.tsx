/**
 * What the app shows follows the session the core holds: nobody chosen yet → "Who are you?";
 * no programme yet → the start screen; otherwise the screens of `NAV` the current person's role
 * may use, landing on the role's own first screen (nav.ts). The UI language follows
 * `session.language` (kept by the core, so it survives restarts).
 */
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/hooks';
import { errorMessage } from '../api/client';
import { applyLanguage } from '../i18n';
import { StartScreen } from '../screens/StartScreen';
import { WhoAreYouScreen } from '../screens/WhoAreYouScreen';
import { AuditScreen } from '../screens/AuditScreen';
import { MeasureScreen } from '../screens/plan/MeasureScreen';
import { landingFor, navFor } from './nav';
import { Shell } from './Shell';

export function App(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const language = session.data?.language;
  const [appliedLanguage, setAppliedLanguage] = useState<string | null>(null);

  useEffect(() => {
    if (!language) return;
    void applyLanguage(language).then(() => setAppliedLanguage(language));
  }, [language]);

  if (session.isError) {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" title={t('app.loadFailed')} role="alert" maw={560}>
          <Stack gap="sm">
            <Text size="sm">{errorMessage(session.error, i18n.language)}</Text>
            <Button variant="default" onClick={() => void session.refetch()} w="fit-content">
              {t('app.retry')}
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
  // Only the first load waits for the language: switching it later re-renders in place, so
  // typed text and keyboard focus stay where they are.
  if (!session.data || appliedLanguage === null) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }

  const s = session.data;
  if (!s.currentPerson) return <WhoAreYouScreen session={s} />;
  if (!s.programme) {
    return (
      <Shell session={s}>
        <StartScreen session={s} />
      </Shell>
    );
  }
  const role = s.currentPerson.role;
  return (
    <Shell session={s}>
      <Routes>
        {navFor(role).map(({ path, screen: Screen }) => (
          <Route key={path} path={path} element={<Screen />} />
        ))}
        {/* Pages of one record, reached from their lists. */}
        <Route path="/audits/:id" element={<AuditScreen />} />
        <Route path="/plan/:id" element={<MeasureScreen />} />
        <Route path="*" element={<Navigate to={landingFor(role)} replace />} />
      </Routes>
    </Shell>
  );
}

/**
 * The frame around every screen once someone is working: header (app, workspace, language,
 * person), the navigation built from `NAV`, and the demo banner while the demo is open.
 */
import { Alert, AppShell, Badge, Button, Group, NavLink, Text } from '@mantine/core';
import { useState } from 'react';
import { Link as RouterLink, NavLink as RouterNavLink, useLocation, useNavigate } from 'react-router';
import { resources } from '../../shared/i18n';
import { ruleMessage } from '../../shared/i18n/rules';
import { DiscardDialog } from '../components/DiscardChanges';
import { discardUnsavedChanges, hasUnsavedChanges, useBeforeUnloadGuard } from './unsaved';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../shared/api/contract';
import { useApiMutation } from '../api/hooks';
import { LanguageSwitch } from './LanguageSwitch';
import { navFor } from './nav';
import { PersonMenu } from './PersonMenu';

export function Shell({ session, children }: { session: SessionState; children: React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation();
  const location = useLocation();
  const openWorkspace = useApiMutation('session.openWorkspace', '*');
  const withNav = session.programme !== null;
  const demo = session.workspace === 'demo';
  const navigate = useNavigate();
  const [leavingTo, setLeavingTo] = useState<string | null>(null);
  useBeforeUnloadGuard();

  return (
    <AppShell header={{ height: 60 }} navbar={withNav ? { width: 220, breakpoint: 0 } : undefined} padding="xl">
      {/* Hash routing would read "#main" as a route: the link moves focus itself. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <AppShell.Header px="lg">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Text fw={700} size="lg" style={{ flexShrink: 0 }}>
              {t('app.title')}
            </Text>
            {session.programme && (
              <Text
                size="sm"
                c="dimmed"
                className="programme-name"
                title={session.programme.name}
                data-testid="programme-name"
              >
                {session.programme.name}
              </Text>
            )}
            <Badge
              color={demo ? 'grape' : 'gray'}
              data-testid="workspace-badge"
              aria-label={`${t('app.workspace')}: ${t(`vocab.workspace.${session.workspace}`)}`}
            >
              {t(`vocab.workspace.${session.workspace}`)}
            </Badge>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch language={session.language} />
            {session.currentPerson && <PersonMenu current={session.currentPerson} />}
          </Group>
        </Group>
      </AppShell.Header>
      {withNav && (
        <AppShell.Navbar p="sm" component="nav" aria-label={t('app.mainNavigation')}>
          {(session.currentPerson ? navFor(session.currentPerson.role) : []).map((entry) => (
            <NavLink
              key={entry.path}
              component={RouterNavLink}
              to={entry.path}
              label={t(entry.labelKey)}
              active={location.pathname === entry.path}
              onClick={(e: React.MouseEvent) => {
                // Leaving a page whose form holds unsaved text asks first.
                if (hasUnsavedChanges() && location.pathname !== entry.path) {
                  e.preventDefault();
                  setLeavingTo(entry.path);
                }
              }}
              aria-current={location.pathname === entry.path ? 'page' : undefined}
            />
          ))}
          {!demo && (
            <Button
              variant="subtle"
              mt="auto"
              fullWidth
              h="auto"
              py={8}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
              onClick={() => openWorkspace.mutate({ workspace: 'demo' })}
              loading={openWorkspace.isPending}
            >
              {t('app.openDemo')}
            </Button>
          )}
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        {demo && (
          <Alert color="grape" variant="light" mb="lg" data-testid="demo-banner" title={t('vocab.workspace.demo')}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{t('app.demoBanner')}</Text>
              <Button
                size="xs"
                color="grape"
                onClick={() => openWorkspace.mutate({ workspace: 'main' })}
                loading={openWorkspace.isPending}
              >
                {t('app.backToMine')}
              </Button>
            </Group>
          </Alert>
        )}
        {session.backupProblem && !demo && location.pathname !== '/backups' && (
          <Alert color="red" variant="light" mb="lg" role="alert" data-testid="backup-problem-banner">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                {t('backups.problemBanner', {
                  message: session.backupProblem.rule
                    ? ruleMessage(
                        resources[session.language].translation,
                        session.backupProblem.rule.key,
                        session.backupProblem.rule.params,
                      )
                    : session.backupProblem.message,
                })}
              </Text>
              <Button size="xs" color="red" variant="light" component={RouterLink} to="/backups">
                {t('backups.open')}
              </Button>
            </Group>
          </Alert>
        )}
        <div className="content">{children}</div>
      </AppShell.Main>
      <DiscardDialog
        opened={leavingTo !== null}
        onKeep={() => setLeavingTo(null)}
        onDiscard={() => {
          discardUnsavedChanges();
          if (leavingTo) void navigate(leavingTo);
          setLeavingTo(null);
        }}
      />
    </AppShell>
  );
}

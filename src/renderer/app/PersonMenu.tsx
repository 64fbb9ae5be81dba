/** Who the app is working as, and a way to work as someone else (every change is attributed). */
import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/domain/programme';
import { useApiMutation, usePeople } from '../api/hooks';

export function PersonMenu({ current }: { current: Person }): React.JSX.Element {
  const { t } = useTranslation();
  const people = usePeople({});
  const setPerson = useApiMutation('session.setCurrentPerson', '*');
  const others = (people.data ?? []).filter((p) => p.id !== current.id);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" title={t('app.switchPerson')}>
          <Text span size="sm" c="dimmed" mr={6}>
            {t('app.workingAs')}
          </Text>
          <Text span size="sm" fw={600} data-testid="current-person">
            {current.displayName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('app.switchPersonTitle')}</Menu.Label>
        {others.length === 0 && <Menu.Item disabled>{t('app.noOtherPeople')}</Menu.Item>}
        {others.map((p) => (
          <Menu.Item key={p.id} onClick={() => setPerson.mutate({ personId: p.id })}>
            {p.displayName} · {t(`vocab.role.${p.role}`)} · {p.code}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

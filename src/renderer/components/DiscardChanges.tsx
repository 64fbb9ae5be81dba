/** Asks whether to drop typed text: "Keep editing" (the default, focused) or "Discard". */
import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown inside a dialog, in place of its buttons, when it is closed with unsaved text. */
export function DiscardInline({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert" title={t('common.discardTitle')} data-testid="discard-changes">
      <Text size="sm" mb="sm">
        {t('common.discardBody')}
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onKeep} autoFocus>
          {t('common.keepEditing')}
        </Button>
        <Button color="red" onClick={onDiscard}>
          {t('common.discard')}
        </Button>
      </Group>
    </Alert>
  );
}

/** The same question as a dialog of its own (leaving a page with an edited form). */
export function DiscardDialog({
  opened,
  onKeep,
  onDiscard,
}: {
  opened: boolean;
  onKeep: () => void;
  onDiscard: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onKeep}
      title={t('common.discardTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Text size="sm" mb="md">
        {t('common.discardBody')}
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onKeep} data-autofocus>
          {t('common.keepEditing')}
        </Button>
        <Button color="red" onClick={onDiscard}>
          {t('common.discard')}
        </Button>
      </Group>
    </Modal>
  );
}

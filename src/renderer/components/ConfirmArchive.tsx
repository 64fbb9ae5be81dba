/** Asks before archiving a record; shows the core's refusal if archiving fails. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerError } from './ServerError';
import { errorMessage } from '../api/client';

export function ConfirmArchive({
  name,
  onCancel,
  onConfirm,
  warning,
}: {
  /** The record's name; the dialog is open while it is not null. */
  name: string | null;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
  /** Said before the body when archiving has consequences (a person still assigned somewhere). */
  warning?: React.ReactNode;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onCancel();
  };
  return (
    <Modal
      opened={name !== null}
      onClose={close}
      title={t('common.confirmArchiveTitle', { name: name ?? '' })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        {warning}
        <Text>{t('common.confirmArchiveBody')}</Text>
        <ServerError message={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await onConfirm();
              } catch (e) {
                setError(errorMessage(e, i18n.language));
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('common.archive')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * A modal holding one form that is saved by an explicit Save. Closing is the caller's choice:
 * a failed save keeps the modal (and the typed text) open, with the error shown. Closing a form
 * with unsaved text — Esc, a click outside, the close button, Cancel — asks first (`dirty`).
 */
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DiscardInline } from './DiscardChanges';
import { ServerError } from './ServerError';

export function FormModal({
  opened,
  title,
  onClose,
  onSubmit,
  submitting,
  serverError,
  formRef,
  children,
  dirty = false,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  submitting: boolean;
  serverError: string | null;
  formRef: React.RefObject<HTMLFormElement | null>;
  children: React.ReactNode;
  /** The form holds typed text that is not saved: closing asks before dropping it. */
  dirty?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const requestClose = () => {
    if (dirty) setAsking(true);
    else onClose();
  };
  const discard = () => {
    setAsking(false);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={requestClose}
      title={title}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="md">
          {children}
          <ServerError message={serverError} />
          {asking ? (
            <DiscardInline onKeep={() => setAsking(false)} onDiscard={discard} />
          ) : (
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={requestClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={submitting}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Modal>
  );
}

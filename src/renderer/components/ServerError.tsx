/** The core's refusal of a save, shown above the form's buttons and announced to screen readers. */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ServerError({ message }: { message: string | null }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert color="red" variant="light" title={t('common.saveFailed')} role="alert" data-testid="server-error">
      {message}
    </Alert>
  );
}

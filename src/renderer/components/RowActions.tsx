/** The Edit / Archive buttons of a table row, labelled with the row's name for screen readers. */
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function RowActions(props: {
  name: string;
  onEdit: () => void;
  onArchive?: (() => void) | undefined;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="default" onClick={props.onEdit} aria-label={t('common.editOf', { name: props.name })}>
        {t('common.edit')}
      </Button>
      {props.onArchive && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={props.onArchive}
          aria-label={`${t('common.archive')} ${props.name}`}
        >
          {t('common.archive')}
        </Button>
      )}
    </Group>
  );
}

/**
 * The library: the programme's templates (built-in ones once installed, and its own) with their
 * versions, and the built-in templates that are not installed yet.
 */
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../shared/domain/template';
import type { Language } from '../../../shared/domain/vocabulary';
import { useApiMutation } from '../../api/hooks';
import { TEMPLATE_KEYS, useBuiltIns, useTemplates, useTemplateVersions } from '../../api/templateHooks';
import { DataTable } from '../DataTable';
import { ServerError } from '../ServerError';
import { anyText } from './localized';
import { ApiCallError } from '../../api/client';

function VersionBadges({ templateId }: { templateId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const versions = useTemplateVersions(templateId).data ?? [];
  return (
    <Group gap={4}>
      {versions.map((v) => (
        <Badge key={v.id} color={v.status === 'draft' ? 'grape' : 'indigo'}>
          {t('templates.versionShort', { number: v.number, status: t(`templates.status.${v.status}`) })}
        </Badge>
      ))}
    </Group>
  );
}

export function TemplateLibrary({
  language,
  onOpen,
}: {
  language: Language;
  onOpen: (templateId: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const templates = useTemplates();
  const builtIns = useBuiltIns();
  const install = useApiMutation('templates.installBuiltIn', TEMPLATE_KEYS);
  const builtInKeys = new Set((builtIns.data ?? []).map((b) => b.key));
  const rows: Template[] = templates.data ?? [];
  const notInstalled = (builtIns.data ?? []).filter((b) => b.templateId === null);
  const installError =
    install.error instanceof ApiCallError ? install.error.messageIn(language) : (install.error?.message ?? null);

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('templates.libraryTitle')}
        </Title>
        <DataTable
          label={t('templates.libraryTitle')}
          headers={[t('templates.colName'), t('templates.colKind'), t('templates.colVersions'), t('common.actions')]}
          empty={t('templates.empty')}
          count={templates.isSuccess ? rows.length : 1}
        >
          {rows.map((tpl) => {
            const name = anyText(tpl.name, language);
            return (
              <Table.Tr key={tpl.id}>
                <Table.Td>
                  <Text fw={500}>{name}</Text>
                  {tpl.description && anyText(tpl.description, language) && (
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {anyText(tpl.description, language)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{builtInKeys.has(tpl.key) ? t('templates.kindBuiltIn') : t('templates.kindOwn')}</Table.Td>
                <Table.Td>
                  <VersionBadges templateId={tpl.id} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onOpen(tpl.id)}
                    aria-label={t('templates.openOf', { name })}
                  >
                    {t('templates.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      </Stack>

      {notInstalled.length > 0 && (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('templates.builtInTitle')}
          </Title>
          <Text c="dimmed">{t('templates.builtInIntro')}</Text>
          <ServerError message={installError} />
          <DataTable
            label={t('templates.builtInTitle')}
            headers={[t('templates.colName'), t('templates.colSize'), t('common.actions')]}
            empty={t('templates.empty')}
            count={notInstalled.length}
          >
            {notInstalled.map((b) => {
              const name = anyText(b.name, language);
              return (
                <Table.Tr key={b.key}>
                  <Table.Td>
                    <Text fw={500}>{name}</Text>
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {anyText(b.description, language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t('templates.size', { sections: b.sections, criteria: b.criteria })}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      onClick={() =>
                        install.mutate({ key: b.key }, { onSuccess: ({ template }) => onOpen(template.id) })
                      }
                      loading={install.isPending && install.variables.key === b.key}
                      aria-label={t('templates.installOf', { name })}
                    >
                      {t('templates.install')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </DataTable>
        </Stack>
      )}
    </Stack>
  );
}

/**
 * Templates: the library (the programme's templates, built-in ones to install, a new own
 * template, import of a template file) and, with `?template=…&version=…`, one template's
 * versions to view, edit, publish, duplicate and export.
 */
import { Alert, Button, FileButton, Group, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TemplateFields } from '../../shared/domain/template';
import { TEMPLATE_FILE_MAX_CHARS } from '../../shared/exchange/templateFile';
import type { Language } from '../../shared/domain/vocabulary';
import { ApiCallError } from '../api/client';
import { useApiMutation, useSession } from '../api/hooks';
import { TEMPLATE_KEYS } from '../api/templateHooks';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { useForm } from '../components/useForm';
import { NameFields, nameValues } from '../components/templates/forms';
import { anyText, localized } from '../components/templates/localized';
import { TemplateDetail } from '../components/templates/TemplateDetail';
import { TemplateLibrary } from '../components/templates/TemplateLibrary';

const CreateInput = z.strictObject({ name: TemplateFields.name, description: TemplateFields.description });

export function TemplatesScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const language: Language = useSession().data?.language ?? 'en';
  const [params, setParams] = useSearchParams();
  const templateId = params.get('template');
  const versionId = params.get('version');
  const [creating, setCreating] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const [importStatus, setImportStatus] = useState('');
  const form = useForm(nameValues());
  const resetFile = useRef<() => void>(null);
  const create = useApiMutation('templates.create', TEMPLATE_KEYS);
  const importFile = useApiMutation('templates.importFile', TEMPLATE_KEYS);

  const open = (template: string, version?: string) => setParams(version ? { template, version } : { template });

  if (templateId) {
    return (
      <TemplateDetail
        key={templateId}
        templateId={templateId}
        versionId={versionId}
        uiLanguage={language}
        onVersion={(v) => open(templateId, v)}
        onOpenTemplate={open}
        onBack={() => setParams({})}
      />
    );
  }

  const readFile = async (file: File | null) => {
    setImportError(null);
    setImportStatus('');
    if (!file) return;
    // Choosing the same file again (after fixing it) must read it again.
    resetFile.current?.();
    if (file.size > TEMPLATE_FILE_MAX_CHARS) {
      setImportError(t('templates.fileTooLarge'));
      return;
    }
    try {
      const { template } = await importFile.mutateAsync({ content: await file.text() });
      setImportStatus(t('templates.imported', { name: anyText(template.name, language), file: file.name }));
    } catch (e) {
      setImportError(e instanceof ApiCallError ? e.messageIn(language) : e instanceof Error ? e.message : String(e));
    }
  };

  const save = async () => {
    const input = {
      name: localized(form.values.nameEn, form.values.nameEs),
      description: localized(form.values.descriptionEn, form.values.descriptionEs),
    };
    const ok = await form.submit(CreateInput, input, async (i) => {
      const { template, version } = await create.mutateAsync(i);
      open(template.id, version.id);
    });
    if (ok) setCreating(false);
  };

  return (
    <>
      <PageHeader
        title={t('templates.title')}
        intro={t('templates.intro')}
        action={
          <Group gap="sm">
            <FileButton onChange={(f) => void readFile(f)} accept="application/json,.json" resetRef={resetFile}>
              {(props) => (
                <Button variant="default" loading={importFile.isPending} {...props}>
                  {t('templates.importFile')}
                </Button>
              )}
            </FileButton>
            <Button
              onClick={() => {
                form.reset(nameValues());
                setCreating(true);
              }}
            >
              {t('templates.create')}
            </Button>
          </Group>
        }
      />
      {importError && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={t('templates.importFailed')}
          mb="lg"
          data-testid="import-error"
        >
          <Text size="sm">{importError}</Text>
          <Text size="sm" mt={4}>
            {t('templates.importNothingChanged')}
          </Text>
        </Alert>
      )}
      <Text role="status" aria-live="polite" mb={importStatus ? 'lg' : 0} data-testid="import-status">
        {importStatus}
      </Text>
      <TemplateLibrary language={language} onOpen={(id) => open(id)} />
      <FormModal
        opened={creating}
        title={t('templates.createTitle')}
        onClose={() => setCreating(false)}
        onSubmit={() => void save()}
        submitting={form.submitting}
        serverError={form.serverError}
        formRef={form.formRef}
      >
        <NameFields form={form} withDescription />
      </FormModal>
    </>
  );
}

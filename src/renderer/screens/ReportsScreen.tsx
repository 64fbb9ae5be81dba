/**
 * Word reports: pick the report (audit, Local Action Plan, monitoring), the audit, the language
 * and the options, then build. In the app the shell asks where to save (the system's dialog) and
 * the core builds the file in its worker thread; the screen shows progress, then where it was
 * saved with "Open". Where there is no shell (the browser harness), the core answers the file's
 * bytes and the screen offers them as a download.
 */
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/api/contract';
import { REPORT_KINDS, type ReportKind } from '../../shared/domain/report';
import { LANGUAGES, type Language } from '../../shared/domain/vocabulary';
import { api, ApiCallError } from '../api/client';
import { useSession } from '../api/hooks';
import { PageHeader } from '../components/PageHeader';

const KIND_LABELS = {
  audit: 'report.screen.kindAudit',
  plan: 'report.screen.kindPlan',
  monitoring: 'report.screen.kindMonitoring',
} as const satisfies Record<ReportKind, string>;

type Logo = { mediaType: 'image/png' | 'image/jpeg'; contentBase64: string };

function readLogo(file: File): Promise<Logo | null> {
  if (file.type !== 'image/png' && file.type !== 'image/jpeg') return Promise.resolve(null);
  const mediaType = file.type;
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ mediaType, contentBase64: String(reader.result).split(',')[1] ?? '' });
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  });
}

export function ReportsScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const session = useSession().data;
  const [kind, setKind] = useState<ReportKind>('audit');
  const [auditId, setAuditId] = useState('');
  const [language, setLanguage] = useState<Language>(session?.language ?? 'en');
  const [reportDate, setReportDate] = useState('');
  const [since, setSince] = useState('');
  const [programmeName, setProgrammeName] = useState('');
  const [logo, setLogo] = useState<Logo | null>(null);
  const [includePersonalData, setIncludePersonalData] = useState(false);
  const [building, setBuilding] = useState(false);
  const [result, setResult] = useState<Output<'reports.generate'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const audits = useQuery({
    queryKey: ['audits', 'reports'],
    queryFn: () => api.call('audits.list', { limit: 500 }),
  });
  const auditItems = audits.data?.items ?? [];
  useEffect(() => {
    if (!auditId && auditItems[0]) setAuditId(auditItems[0].id);
  }, [auditId, auditItems]);

  const download = useMemo(() => {
    if (!result?.contentBase64) return null;
    const bytes = Uint8Array.from(atob(result.contentBase64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(
      new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
    );
  }, [result]);
  useEffect(() => () => void (download && URL.revokeObjectURL(download)), [download]);

  const build = async () => {
    setBuilding(true);
    setResult(null);
    setError(null);
    try {
      const r = await api.call('reports.generate', {
        kind,
        auditId: kind === 'audit' ? auditId || null : null,
        language,
        includePersonalData: kind === 'audit' && includePersonalData,
        reportDate: reportDate || null,
        since: kind === 'monitoring' && since ? since : null,
        programmeName: programmeName.trim() || null,
        logo,
      });
      setResult(r);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.messageIn(session?.language ?? 'en') : String(e));
    } finally {
      setBuilding(false);
    }
  };

  const canBuild = !building && (kind !== 'audit' || auditId !== '');
  return (
    <>
      <PageHeader title={t('report.screen.title')} intro={t('report.screen.intro')} />
      <Paper withBorder p="lg" radius="md">
        <form
          aria-label={t('report.screen.title')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (canBuild) void build();
          }}
        >
          <Stack gap="md">
            <Radio.Group
              label={t('report.screen.kind')}
              value={kind}
              onChange={(v) => setKind(v as ReportKind)}
              name="kind"
            >
              <Group gap="lg" mt={4}>
                {REPORT_KINDS.map((k) => (
                  <Radio key={k} value={k} label={t(KIND_LABELS[k])} />
                ))}
              </Group>
            </Radio.Group>
            {kind === 'audit' &&
              (auditItems.length ? (
                <NativeSelect
                  label={t('report.screen.audit')}
                  value={auditId}
                  onChange={(e) => setAuditId(e.currentTarget.value)}
                  data={auditItems.map((a) => ({ value: a.id, label: a.title }))}
                />
              ) : (
                <Text size="sm">{audits.isLoading ? t('app.loading') : t('report.screen.noAudits')}</Text>
              ))}
            <NativeSelect
              label={t('report.screen.language')}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value as Language)}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`vocab.language.${l}`) }))}
            />
            <Group grow align="flex-start">
              <TextInput
                type="date"
                label={t('report.screen.reportDate')}
                value={reportDate}
                onChange={(e) => setReportDate(e.currentTarget.value)}
              />
              {kind === 'monitoring' && (
                <TextInput
                  type="date"
                  label={t('report.screen.since')}
                  description={t('report.screen.sinceHint')}
                  value={since}
                  onChange={(e) => setSince(e.currentTarget.value)}
                />
              )}
            </Group>
            <TextInput
              label={t('report.screen.programmeName')}
              description={t('report.screen.programmeNameHint')}
              placeholder={session?.programme?.name ?? ''}
              value={programmeName}
              onChange={(e) => setProgrammeName(e.currentTarget.value)}
              maxLength={200}
            />
            <FileInput
              label={t('report.screen.logo')}
              description={t('report.screen.logoHint')}
              accept="image/png,image/jpeg"
              clearable
              onChange={(file) => void (file ? readLogo(file).then(setLogo) : setLogo(null))}
            />
            {kind === 'audit' && (
              <Checkbox
                label={t('report.screen.includePersonalData')}
                description={t('report.screen.includePersonalDataHint')}
                checked={includePersonalData}
                onChange={(e) => setIncludePersonalData(e.currentTarget.checked)}
              />
            )}
            <Group justify="flex-end">
              <Button type="submit" disabled={!canBuild} loading={building}>
                {t('report.screen.generate')}
              </Button>
            </Group>
            <div role="status" aria-live="polite">
              {building && (
                <Group gap="sm">
                  <Loader size="sm" aria-hidden />
                  <Text size="sm">{t('report.screen.building')}</Text>
                </Group>
              )}
              {result?.savedTo && (
                <Group gap="sm">
                  <Text size="sm" data-testid="report-saved">
                    {t('report.screen.savedTo', { path: result.savedTo })}
                  </Text>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => void api.call('reports.open', { path: result.savedTo ?? '' })}
                  >
                    {t('report.screen.open')}
                  </Button>
                </Group>
              )}
              {result && download && (
                <Group gap="sm">
                  <Text size="sm" data-testid="report-ready">
                    {t('report.screen.downloaded', { fileName: result.fileName })}
                  </Text>
                  <Anchor href={download} download={result.fileName}>
                    {t('report.screen.download')}
                  </Anchor>
                </Group>
              )}
              {result && !result.savedTo && !download && <Text size="sm">{t('report.screen.cancelled')}</Text>}
            </div>
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
          </Stack>
        </form>
      </Paper>
    </>
  );
}

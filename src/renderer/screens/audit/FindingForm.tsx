/**
 * The finding form, in the audit form's order: title, criterion (what should be), condition
 * (what is), cause, effect; severity, type and, for a structural finding, its kind; grounds; and
 * the evidence it cites (records of the same audit, picked by kind). It opens empty, from a
 * suggestion (accept), from several suggestions (merge: the evidence of all), or on a finding
 * (edit). Typed text stays until the core accepts it.
 */
import {
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_KINDS, type EvidenceKind, type EvidenceLink } from '../../../shared/domain/evidence';
import { FindingCreate, FindingUpdate, type Finding } from '../../../shared/domain/findings';
import { FINDING_TYPES, SEVERITIES, STRUCTURAL_KINDS } from '../../../shared/domain/vocabulary';
import { api } from '../../api/client';
import { useGrounds } from '../../api/fieldworkHooks';
import { FormModal } from '../../components/FormModal';
import { LIMITS, useForm } from '../../components/useForm';
import { REVIEW_KEYS, type EvidenceItem } from './findingsData';
import { linkKey, type FindingDraft } from './review';
import { localized } from './text';

type Values = {
  title: string;
  criterion: string;
  condition: string;
  cause: string;
  effect: string;
  severity: string;
  type: string;
  structuralKind: string;
};

const valuesOf = (d: FindingDraft | Finding): Values => ({
  title: d.title,
  criterion: d.criterion ?? '',
  condition: d.condition ?? '',
  cause: d.cause ?? '',
  effect: d.effect ?? '',
  severity: d.severity,
  type: d.type,
  structuralKind: d.structuralKind ?? '',
});

export type FindingFormMode = 'new' | 'accept' | 'merge' | 'edit';

export function FindingForm({
  auditId,
  mode,
  start,
  evidenceItems,
  onClose,
}: {
  auditId: string;
  /** What the form is for; null = closed. */
  mode: FindingFormMode | null;
  /** The draft or the finding the form opens with. */
  start: FindingDraft | Finding | null;
  evidenceItems: readonly EvidenceItem[];
  onClose: () => void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const grounds = useGrounds();
  const blank: FindingDraft = { auditId, title: '', severity: 'medium', type: 'structural' };
  const form = useForm<Values>(valuesOf(start ?? blank));
  const [evidence, setEvidence] = useState<EvidenceLink[]>([]);
  const [chosenGrounds, setChosenGrounds] = useState<string[]>([]);
  const [pickKind, setPickKind] = useState<EvidenceKind>('observation');
  const [pickId, setPickId] = useState('');
  const { reset } = form;

  // A new opening starts from its draft or finding.
  useEffect(() => {
    if (mode === null) return;
    const s = start ?? { auditId, title: '', severity: 'medium' as const, type: 'structural' as const };
    reset(valuesOf(s));
    setEvidence([...(s.evidence ?? [])]);
    setChosenGrounds([...(s.grounds ?? [])]);
    setPickId('');
  }, [mode, start, auditId, reset]);

  const initialEvidence = (start?.evidence ?? []).map(linkKey).join(',');
  const initialGrounds = (start?.grounds ?? []).join(',');
  const dirty =
    form.dirty || evidence.map(linkKey).join(',') !== initialEvidence || chosenGrounds.join(',') !== initialGrounds;
  const byKey = new Map(evidenceItems.map((i) => [linkKey(i.link), i]));
  const cited = new Set(evidence.map(linkKey));
  const offered = evidenceItems.filter((i) => i.link.kind === pickKind && !cited.has(linkKey(i.link)));

  const save = async () => {
    const v = form.values;
    const fields = {
      title: v.title,
      criterion: v.criterion,
      condition: v.condition,
      cause: v.cause,
      effect: v.effect,
      severity: v.severity as (typeof SEVERITIES)[number],
      type: v.type as (typeof FINDING_TYPES)[number],
      structuralKind:
        v.type === 'structural' && v.structuralKind ? (v.structuralKind as (typeof STRUCTURAL_KINDS)[number]) : null,
      grounds: chosenGrounds,
      evidence,
    };
    const done = async () => {
      await Promise.all(REVIEW_KEYS.map((k) => qc.invalidateQueries({ queryKey: [k] })));
      onClose();
    };
    if (mode === 'edit' && start && 'id' in start) {
      await form.submit(FindingUpdate, { id: start.id, rev: start.rev, ...fields }, async (i) => {
        await api.call('findings.update', i);
        await done();
      });
    } else {
      await form.submit(FindingCreate, { auditId, ...fields }, async (i) => {
        await api.call('findings.create', i);
        await done();
      });
    }
  };

  const title =
    mode === 'accept'
      ? t('findingsUi.finding.acceptTitle')
      : mode === 'merge'
        ? t('findingsUi.finding.mergeTitle')
        : mode === 'edit'
          ? t('findingsUi.finding.editTitle')
          : t('findingsUi.finding.newTitle');

  return (
    <FormModal
      opened={mode !== null}
      title={title}
      onClose={onClose}
      onSubmit={() => void save()}
      submitting={form.submitting}
      serverError={form.serverError}
      formRef={form.formRef}
      dirty={dirty}
    >
      <Stack gap="sm">
        <TextInput
          label={t('findingsUi.finding.name')}
          required
          data-autofocus
          {...form.text('title', { max: LIMITS.name })}
        />
        <Textarea label={t('findingsUi.finding.criterion')} autosize minRows={2} {...form.text('criterion')} />
        <Textarea label={t('findingsUi.finding.condition')} autosize minRows={2} {...form.text('condition')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label={t('findingsUi.finding.cause')} autosize minRows={2} {...form.text('cause')} />
          <Textarea label={t('findingsUi.finding.effect')} autosize minRows={2} {...form.text('effect')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('findingsUi.finding.severity')}
            value={form.values.severity}
            onChange={(e) => form.set('severity', e.currentTarget.value)}
            data={SEVERITIES.map((s) => ({ value: s, label: t(`vocab.severity.${s}`) }))}
          />
          <NativeSelect
            label={t('findingsUi.finding.type')}
            value={form.values.type}
            onChange={(e) => form.set('type', e.currentTarget.value)}
            data={FINDING_TYPES.map((s) => ({ value: s, label: t(`vocab.findingType.${s}`) }))}
          />
          <NativeSelect
            label={t('findingsUi.finding.kind')}
            value={form.values.type === 'structural' ? form.values.structuralKind : ''}
            disabled={form.values.type !== 'structural'}
            onChange={(e) => form.set('structuralKind', e.currentTarget.value)}
            error={form.errors.structuralKind}
            data={[
              { value: '', label: t('findingsUi.finding.kindNone') },
              ...STRUCTURAL_KINDS.map((s) => ({ value: s, label: t(`vocab.structuralKind.${s}`) })),
            ]}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('findingsUi.finding.grounds')}
          value={chosenGrounds}
          onChange={setChosenGrounds}
          error={form.errors.grounds}
        >
          <Group gap="md" mt={4}>
            {(grounds.data ?? []).map((g) => (
              <Checkbox key={g.code} value={g.code} label={localized(g.label, i18n.language)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('findingsUi.finding.evidence')}
          </Title>
          {evidence.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('findingsUi.finding.noEvidence')}
            </Text>
          ) : (
            <List size="sm" spacing={4} data-testid="form-evidence">
              {evidence.map((l) => {
                const label = `${t(`findingsUi.evidenceKind.${l.kind}`)}: ${byKey.get(linkKey(l))?.label ?? t('findingsUi.evidence.notReadable')}`;
                return (
                  <List.Item key={linkKey(l)}>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">{label}</Text>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('findingsUi.finding.remove', { label })}
                        onClick={() => setEvidence((e) => e.filter((x) => linkKey(x) !== linkKey(l)))}
                      >
                        ×
                      </Button>
                    </Group>
                  </List.Item>
                );
              })}
            </List>
          )}
          {form.errors.evidence && (
            <Text size="sm" c="red.8" role="alert">
              {form.errors.evidence}
            </Text>
          )}
          <Group align="flex-end" gap="xs" wrap="wrap">
            <NativeSelect
              label={t('findingsUi.finding.evidenceKind')}
              value={pickKind}
              onChange={(e) => {
                setPickKind(e.currentTarget.value as EvidenceKind);
                setPickId('');
              }}
              data={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`findingsUi.evidenceKind.${k}`) }))}
            />
            <NativeSelect
              label={t('findingsUi.finding.evidenceRecord')}
              value={pickId}
              onChange={(e) => setPickId(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 220 }}
              data={[
                { value: '', label: t('fieldwork.audits.choose') },
                ...offered.map((i) => ({ value: i.link.id, label: i.label })),
              ]}
            />
            <Button
              variant="default"
              disabled={pickId === ''}
              onClick={() => {
                setEvidence((e) => [...e, { kind: pickKind, id: pickId }]);
                setPickId('');
              }}
            >
              {t('findingsUi.finding.addLink')}
            </Button>
          </Group>
        </Stack>
      </Stack>
    </FormModal>
  );
}

/**
 * Shapes the translations must have. `Vocabulary` ties each label group to the enum it labels,
 * so adding a value to `src/shared/domain/vocabulary.ts` fails the build until it is translated.
 */
import type {
  ACTION_AREAS,
  AUDIT_METHODS,
  AUDIT_STATUSES,
  DECISIONS,
  FINDING_TYPES,
  LANGUAGES,
  MEASURE_STATUSES,
  PERSON_ROLES,
  PRIORITIES,
  RATINGS,
  RESPONSE_TYPES,
  SEVERITIES,
  STRUCTURAL_KINDS,
} from '../domain/vocabulary';

type Labels<T extends readonly string[]> = Record<T[number], string>;

export interface Vocabulary {
  role: Labels<typeof PERSON_ROLES>;
  method: Labels<typeof AUDIT_METHODS>;
  auditStatus: Labels<typeof AUDIT_STATUSES>;
  responseType: Labels<typeof RESPONSE_TYPES>;
  rating: Labels<typeof RATINGS>;
  severity: Labels<typeof SEVERITIES>;
  findingType: Labels<typeof FINDING_TYPES>;
  structuralKind: Labels<typeof STRUCTURAL_KINDS>;
  priority: Labels<typeof PRIORITIES>;
  decision: Labels<typeof DECISIONS>;
  measureStatus: Labels<typeof MEASURE_STATUSES>;
  actionArea: Labels<typeof ACTION_AREAS>;
  language: Labels<typeof LANGUAGES>;
  workspace: { main: string; demo: string };
}

/** The same tree of keys as `T`, with any string as each leaf. */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/**
 * 0010 — the whole domain model (docs/product.md, docs/data-model.md).
 *
 * Every record table has the same metadata columns (id UUID, created/updated time and person,
 * revision, archive time). Records are archived, never deleted, so history and exchange keep
 * their references. Enumerations are validated by the zod schemas at the boundary rather than
 * by CHECK constraints, because widening a CHECK in SQLite means rebuilding the table; booleans
 * and JSON columns are checked here. Ground codes are data (seeded below), not code.
 */
import type { WritableDB } from '../handles';

const META = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT,
  rev INTEGER NOT NULL DEFAULT 1,
  archived_at TEXT`;

const json = (col: string, nullable = false): string =>
  `${col} TEXT ${nullable ? '' : 'NOT NULL'} CHECK (${col} IS NULL OR json_valid(${col}))`;
const bool = (col: string, nullable = false): string =>
  `${col} INTEGER ${nullable ? '' : 'NOT NULL'} CHECK (${col} IS NULL OR ${col} IN (0, 1))`;

const SCHEMA = `
CREATE TABLE person (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  code TEXT NOT NULL,
  email TEXT NOT NULL,
  organisation TEXT NOT NULL,
  certification_date TEXT,${META}
) STRICT;
CREATE UNIQUE INDEX person_code ON person (code COLLATE NOCASE) WHERE archived_at IS NULL;

CREATE TABLE programme (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  city TEXT NOT NULL,
  coordinating_office TEXT NOT NULL,
  period_start TEXT,
  period_end TEXT,
  default_language TEXT NOT NULL,
  report_branding TEXT NOT NULL,${META}
) STRICT;

CREATE TABLE service (
  id TEXT PRIMARY KEY,
  programme_id TEXT NOT NULL REFERENCES programme (id),
  name TEXT NOT NULL,
  department TEXT NOT NULL,
  address TEXT NOT NULL,
  description TEXT NOT NULL,
  manager_id TEXT REFERENCES person (id),${META}
) STRICT;
CREATE INDEX service_programme ON service (programme_id);

CREATE TABLE ground (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  ${json('label')},${META}
) STRICT;

CREATE TABLE template (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  ${json('name')},
  ${json('description')},${META}
) STRICT;

CREATE TABLE template_version (
  id TEXT PRIMARY KEY,
  template_id TEXT NOT NULL REFERENCES template (id),
  number INTEGER NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL,${META},
  UNIQUE (template_id, number)
) STRICT;

CREATE TABLE template_section (
  id TEXT PRIMARY KEY,
  version_id TEXT NOT NULL REFERENCES template_version (id),
  position INTEGER NOT NULL,
  ${json('title')},${META}
) STRICT;
CREATE INDEX template_section_version ON template_section (version_id, position);

CREATE TABLE criterion (
  id TEXT PRIMARY KEY,
  section_id TEXT NOT NULL REFERENCES template_section (id),
  position INTEGER NOT NULL,
  ${json('text')},
  ${json('guidance')},
  response_type TEXT NOT NULL,
  ${json('choices')},
  weight REAL,
  ${json('grounds')},
  reference TEXT NOT NULL,${META}
) STRICT;
CREATE INDEX criterion_section ON criterion (section_id, position);

CREATE TABLE audit (
  id TEXT PRIMARY KEY,
  programme_id TEXT NOT NULL REFERENCES programme (id),
  service_id TEXT NOT NULL REFERENCES service (id),
  template_version_id TEXT NOT NULL REFERENCES template_version (id),
  title TEXT NOT NULL,
  scope TEXT NOT NULL,
  ${json('methods')},
  lead_id TEXT REFERENCES person (id),
  status TEXT NOT NULL,
  planned_start TEXT,
  planned_end TEXT,
  actual_start TEXT,
  actual_end TEXT,${META}
) STRICT;
CREATE INDEX audit_service ON audit (service_id);

CREATE TABLE audit_member (
  audit_id TEXT NOT NULL REFERENCES audit (id),
  person_id TEXT NOT NULL REFERENCES person (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (audit_id, person_id)
) STRICT;

CREATE TABLE response (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit (id),
  criterion_id TEXT NOT NULL REFERENCES criterion (id),
  auditor_id TEXT NOT NULL REFERENCES person (id),
  rating TEXT,
  value ANY,
  note TEXT NOT NULL,
  ${json('evidence_ids')},
  answered_at TEXT NOT NULL,${META},
  UNIQUE (audit_id, criterion_id, auditor_id)
) STRICT;

CREATE TABLE consolidated_result (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit (id),
  criterion_id TEXT NOT NULL REFERENCES criterion (id),
  rating TEXT,
  value ANY,
  note TEXT NOT NULL,
  decided_by TEXT NOT NULL REFERENCES person (id),${META},
  UNIQUE (audit_id, criterion_id)
) STRICT;

CREATE TABLE observation (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit (id),
  author_id TEXT NOT NULL REFERENCES person (id),
  observed_at TEXT NOT NULL,
  location TEXT NOT NULL,
  method TEXT NOT NULL,
  narrative TEXT NOT NULL,
  ${json('grounds')},
  severity TEXT,
  ${bool('personal_data')},${META}
) STRICT;
CREATE INDEX observation_audit ON observation (audit_id, observed_at);

CREATE TABLE observation_criterion (
  observation_id TEXT NOT NULL REFERENCES observation (id),
  criterion_id TEXT NOT NULL REFERENCES criterion (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (observation_id, criterion_id)
) STRICT;

CREATE TABLE attachment (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit (id),
  observation_id TEXT REFERENCES observation (id),
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  caption TEXT NOT NULL,
  ${bool('personal_data')},${META}
) STRICT;

CREATE TABLE situation_test (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit (id),
  scenario TEXT NOT NULL,
  conducted_on TEXT NOT NULL,
  ground_tested TEXT NOT NULL,
  tester_a_code TEXT NOT NULL,
  profile_a TEXT NOT NULL,
  outcome_a TEXT NOT NULL,
  tester_b_code TEXT NOT NULL,
  profile_b TEXT NOT NULL,
  outcome_b TEXT NOT NULL,
  ${bool('differential_treatment', true)},
  notes TEXT NOT NULL,${META}
) STRICT;

CREATE TABLE finding (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit (id),
  title TEXT NOT NULL,
  criterion TEXT NOT NULL,
  condition TEXT NOT NULL,
  cause TEXT NOT NULL,
  effect TEXT NOT NULL,
  severity TEXT NOT NULL,
  type TEXT NOT NULL,
  structural_kind TEXT,
  ${json('grounds')},
  ${json('evidence')},${META}
) STRICT;

CREATE TABLE recommendation (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit (id),
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  priority TEXT NOT NULL,${META}
) STRICT;

CREATE TABLE recommendation_finding (
  recommendation_id TEXT NOT NULL REFERENCES recommendation (id),
  finding_id TEXT NOT NULL REFERENCES finding (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (recommendation_id, finding_id)
) STRICT;

CREATE TABLE management_response (
  id TEXT PRIMARY KEY,
  recommendation_id TEXT NOT NULL REFERENCES recommendation (id),
  manager_id TEXT NOT NULL REFERENCES person (id),
  decision TEXT NOT NULL,
  justification TEXT NOT NULL,
  committed_measure TEXT NOT NULL,
  responded_at TEXT NOT NULL,${META}
) STRICT;

CREATE TABLE measure (
  id TEXT PRIMARY KEY,
  programme_id TEXT NOT NULL REFERENCES programme (id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  action_area TEXT NOT NULL,
  department TEXT NOT NULL,
  responsible_id TEXT REFERENCES person (id),
  start_date TEXT,
  due_date TEXT,
  indicator TEXT NOT NULL,
  baseline REAL,
  target REAL,
  budget REAL,
  status TEXT NOT NULL,
  status_reason TEXT NOT NULL,${META}
) STRICT;

CREATE TABLE measure_recommendation (
  measure_id TEXT NOT NULL REFERENCES measure (id),
  recommendation_id TEXT NOT NULL REFERENCES recommendation (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (measure_id, recommendation_id)
) STRICT;

CREATE TABLE progress_update (
  id TEXT PRIMARY KEY,
  measure_id TEXT NOT NULL REFERENCES measure (id),
  date TEXT NOT NULL,
  status TEXT NOT NULL,
  indicator_value REAL,
  note TEXT NOT NULL,${META}
) STRICT;

CREATE TABLE history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  person_id TEXT,
  at TEXT NOT NULL,
  ${json('before', true)},
  ${json('after', true)}
) STRICT;
CREATE INDEX history_entity ON history (entity, entity_id);

-- History is append-only: the database itself refuses to change or remove an entry.
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

CREATE TABLE app_setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;

/** The default grounds, frozen as they shipped with this migration (a city may add more). */
const GROUNDS: readonly [string, string, string][] = [
  ['sex', 'Sex', 'Sexo'],
  ['racial_ethnic_origin', 'Racial or ethnic origin', 'Origen racial o étnico'],
  ['religion_belief', 'Religion or belief', 'Religión o creencias'],
  ['disability', 'Disability', 'Discapacidad'],
  ['age', 'Age', 'Edad'],
  ['sexual_orientation', 'Sexual orientation', 'Orientación sexual'],
  ['nationality', 'Nationality', 'Nacionalidad'],
  ['language', 'Language', 'Lengua'],
  ['gender_identity', 'Gender identity', 'Identidad de género'],
  ['socio_economic_status', 'Socio-economic status', 'Situación socioeconómica'],
  ['other', 'Other', 'Otro'],
];

export function up(db: WritableDB): void {
  db.exec(SCHEMA);
  const insert = db.prepare(`INSERT INTO ground (id, code, label, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
  const now = new Date().toISOString();
  for (const [code, en, es] of GROUNDS) {
    insert.run(crypto.randomUUID(), code, JSON.stringify({ en, es }), now, now);
  }
}

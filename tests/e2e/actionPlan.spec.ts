/**
 * The Local Action Plan in Chromium against the real core over http. In the demo, a finding with
 * evidence and two recommendations are set up through the API and the police manager accepts one
 * and partly accepts the other; then, as the coordinator, in the screens: both appear among the
 * accepted recommendations without a measure, each becomes a measure prefilled from it, one of
 * them past its due date and marked overdue (words and icon); two progress updates are recorded
 * (a delayed one without a reason is refused with a translated message); its trace leads back
 * to the observation it rests on. axe finds nothing on the plan and on a measure, in English and
 * in Spanish.
 */
import type { Locator, Page } from '@playwright/test';
import { call, openDemo, type Api } from './api';
import { expect, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ });
const dialog = (page: Page) => page.getByRole('dialog');
const field = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

/** `days` before today as the date fields take it (DD/MM/YYYY). */
function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

const ACCEPTED = 'Offer interpreting at the front desk in the five most spoken languages';
const PARTLY = 'Publish the complaint form in plain language';
const COMMITTED = 'Telephone interpreting contract for the front desk';
const FINDING = 'No interpreting at the front desk';

/** In the demo, as its coordinator: a finding on the police audit, two recommendations, the manager's answers. */
async function acceptedRecommendations(api: Api) {
  const { byCode } = await openDemo(api, { as: 'COORD-01' });
  const audit = (await call(api, 'audits.list', {})).items.find((a) => /Police/.test(a.title))!;
  const observation = (await call(api, 'observations.list', { auditId: audit.id })).items[0]!;
  const result = (await call(api, 'audits.consolidatedResults', { auditId: audit.id })).items.find(
    (r) => r.rating === 'non_compliant',
  )!;
  const finding = await call(api, 'findings.create', {
    auditId: audit.id,
    title: FINDING,
    severity: 'high',
    type: 'structural',
    structuralKind: 'communication_language',
    evidence: [
      { kind: 'observation', id: observation.id },
      { kind: 'consolidated_result', id: result.id },
    ],
  });
  const recs = [];
  for (const title of [ACCEPTED, PARTLY])
    recs.push(await call(api, 'recommendations.create', { auditId: audit.id, title, findingIds: [finding.id] }));
  await call(api, 'session.setCurrentPerson', { personId: byCode('MGR-POL').id });
  await call(api, 'recommendations.answer', {
    recommendationId: recs[0]!.id,
    decision: 'accepted',
    committedMeasure: COMMITTED,
    rev: null,
  });
  await call(api, 'recommendations.answer', {
    recommendationId: recs[1]!.id,
    decision: 'partly_accepted',
    justification: 'The form is a regional one; we add a plain-language guide.',
    committedMeasure: 'Plain-language guide to the complaint form',
    rev: null,
  });
  await call(api, 'session.setCurrentPerson', { personId: byCode('COORD-01').id });
  return { observation };
}

test('the coordinator plans measures from accepted recommendations, records progress and walks back to the evidence', async ({
  page,
  request,
  harness,
  axe,
}) => {
  const api = { request, harness };
  const { observation } = await acceptedRecommendations(api);
  await page.goto('/');
  await nav(page).getByRole('link', { name: 'Action plan' }).click();
  await expect(page.getByRole('heading', { name: 'Local Action Plan', level: 1 })).toBeVisible();
  const unplanned = page.getByRole('table', { name: 'Accepted recommendations without a measure' });
  await expect(unplanned.locator('tbody tr')).toHaveCount(2);
  await expect(unplanned).toContainText('Partly accepted');
  await expect(unplanned).toContainText(`Committed measure: ${COMMITTED}`);
  // The demo's overdue measures are marked in words, not by colour alone.
  await expect(page.getByTestId('overdue').first()).toContainText('Overdue since');
  await axe('action plan');

  // The accepted recommendation becomes a measure, prefilled from the manager's answer.
  await unplanned.getByRole('button', { name: `Create measure for “${ACCEPTED}”` }).click();
  await expect(dialog(page).getByRole('heading', { name: 'New measure' })).toBeVisible();
  await expect(field(dialog(page), 'Measure')).toHaveValue(COMMITTED);
  await expect(dialog(page)).toContainText(ACCEPTED);
  await expect(field(dialog(page), 'Owner department')).toHaveValue('Public Safety');
  await dialog(page).getByRole('combobox', { name: 'Action area' }).selectOption('services_to_citizens');
  await field(dialog(page), 'Start date').fill(daysAgo(90));
  // The due date before the start: refused next to the field, in words.
  await field(dialog(page), 'Due date').fill(daysAgo(120));
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toContainText('The due date is before the start date');
  await field(dialog(page), 'Due date').fill(daysAgo(10));
  await field(dialog(page), 'Indicator').fill('Front-desk visits with interpreting when needed');
  await field(dialog(page), 'Unit').fill('%');
  await field(dialog(page), 'Baseline').fill('5');
  await field(dialog(page), 'Target').fill('95');
  await field(dialog(page), 'Budget (€)').fill('12000');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(unplanned.locator('tbody tr')).toHaveCount(1);

  // The partly accepted one too, as prefilled.
  await unplanned.getByRole('button', { name: `Create measure for “${PARTLY}”` }).click();
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByText('Every accepted recommendation has a measure.')).toBeVisible();

  // In its area, marked overdue.
  const area = page.getByRole('table', { name: 'Measures: Services to citizens' });
  const row = area.getByRole('row').filter({ hasText: COMMITTED });
  await expect(row).toContainText('Overdue since');
  await expect(row).toContainText('Baseline 5 % → target 95 %');
  await expect(row).toContainText('Public Safety');

  // Its page: facts, overdue with the days, progress.
  await row.getByRole('link', { name: COMMITTED }).click();
  await expect(page.getByRole('heading', { name: COMMITTED, level: 1 })).toBeVisible();
  await expect(page.getByTestId('overdue')).toContainText('10 days past the due date');
  await expect(page.getByText('No progress recorded yet: the measure is not started.')).toBeVisible();
  await axe('measure page');

  // The coordinator's overview marks overdue measures too, among what is next (the earliest due
  // first: the demo's own), each leading to its page.
  await nav(page).getByRole('link', { name: 'Overview' }).click();
  const due = page.getByRole('region', { name: 'What is next' }).getByTestId('next-measure').first();
  await expect(due.getByTestId('overdue')).toContainText('Overdue since');
  await axe('overview with overdue measures');
  const dueTitle = (await due.getByRole('link').innerText()).replace(/ — due .*$/, '');
  await due.getByRole('link').click();
  await expect(page.getByRole('heading', { name: dueTitle, level: 1 })).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('heading', { name: COMMITTED, level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Record progress' }).click();
  await dialog(page).getByRole('combobox', { name: 'Status' }).selectOption('in_progress');
  await field(dialog(page), 'Indicator value (%)').fill('40');
  await field(dialog(page), 'Comment').fill('Contract signed; interpreting available by phone since Monday.');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toHaveCount(0);
  const progress = page.getByRole('table', { name: 'Progress updates' });
  await expect(progress.locator('tbody tr')).toHaveCount(1);
  await expect(progress).toContainText('40 %');

  // Delayed without a reason: refused, with the message next to the comment.
  await page.getByRole('button', { name: 'Record progress' }).click();
  await dialog(page).getByRole('combobox', { name: 'Status' }).selectOption('delayed');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(field(dialog(page), 'Comment')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog(page)).toContainText('Give a reason for a delayed or cancelled measure');
  await field(dialog(page), 'Comment').fill('The supplier has not delivered the video link.');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(progress.locator('tbody tr')).toHaveCount(2);
  const facts = page.getByRole('region', { name: 'About this measure' });
  await expect(facts).toContainText('Delayed');
  await expect(facts).toContainText('Reason: The supplier has not delivered the video link.');
  await expect(facts.getByTestId('overdue')).toContainText('Overdue since');

  // Its history: who created and changed it.
  await page.getByRole('button', { name: 'Show history' }).click();
  await expect(page.getByRole('list', { name: 'History of this measure' })).toContainText(
    'Lucía Ejemplo Sanz (COORD-01) · created',
  );

  // The trace: back to the recommendation, its answer, the finding and its evidence.
  const trace = page.getByRole('region', { name: 'Trace' });
  await expect(trace.getByRole('link', { name: `Recommendation: ${ACCEPTED}` })).toBeVisible();
  await expect(trace).toContainText('Accepted');
  await expect(trace.getByRole('link', { name: `Finding: ${FINDING}` })).toBeVisible();
  await expect(trace.getByRole('link', { name: /^Consolidated result: .*Non-compliant/ })).toBeVisible();
  await axe('measure page with progress and trace');
  await trace.getByRole('link', { name: /^Observation: / }).click();
  await expect(page).toHaveURL(
    new RegExp(`/audits/${observation.auditId}\\?tab=observations&record=${observation.id}`),
  );
  await expect(page.getByRole('tab', { name: 'Observations' })).toHaveAttribute('aria-selected', 'true');
  // …on the entry itself, brought into view with the focus on it.
  await expect(
    page.getByTestId('observation-entry').and(page.locator(`[id="record-${observation.id}"]`)),
  ).toBeFocused();

  // Forward again from the finding: the trace's link lands on that finding's card in the audit's
  // Findings tab, whose own trace leads to the recommendation, its answer and this measure.
  await page.goBack();
  await page
    .getByRole('region', { name: 'Trace' })
    .getByRole('link', { name: `Finding: ${FINDING}` })
    .click();
  await expect(page.getByRole('tab', { name: 'Findings' })).toHaveAttribute('aria-selected', 'true');
  const card = page.getByRole('article', { name: FINDING });
  await expect(card).toBeFocused();
  await card.getByRole('button', { name: 'Show where it led (recommendations, answers, measures)' }).click();
  const forward = card.getByRole('region', { name: 'Trace' });
  await expect(forward).toContainText(`Recommendation: ${ACCEPTED}`);
  await expect(forward.getByRole('link', { name: new RegExp(`^Measure: ${COMMITTED}`) })).toBeVisible();
  await axe('findings tab with a finding traced forward');
  // Its observation, opened from the finding's evidence, lands on the entry in its tab.
  await card
    .getByTestId('finding-evidence')
    .getByRole('button', { name: /^Observation: / })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Show in its tab' }).click();
  await expect(page.getByRole('tab', { name: 'Observations' })).toHaveAttribute('aria-selected', 'true');
  await expect(
    page.getByTestId('observation-entry').and(page.locator(`[id="record-${observation.id}"]`)),
  ).toBeFocused();

  // In Spanish.
  await call(api, 'session.setLanguage', { language: 'es' });
  await page.reload();
  await nav(page).getByRole('link', { name: 'Plan de acción' }).click();
  await expect(page.getByRole('heading', { name: 'Plan de Acción Local', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Medidas: Servicios a la ciudadanía' })).toContainText('Vencida desde');
  await axe('action plan, Spanish');
  await page.getByRole('link', { name: COMMITTED }).click();
  await expect(page.getByRole('heading', { name: COMMITTED, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sobre esta medida' })).toContainText('Motivo:');
  await expect(page.getByRole('region', { name: 'Trazabilidad' })).toBeVisible();
  // The delayed update was a mistake: withdrawn, the measure is in progress again.
  const hechos = page.getByRole('region', { name: 'Sobre esta medida' });
  await page
    .getByRole('button', { name: /^Retirar el seguimiento del / })
    .last()
    .click();
  await dialog(page).getByRole('button', { name: 'Archivar' }).click();
  await expect(page.getByRole('table', { name: 'Seguimiento' }).locator('tbody tr')).toHaveCount(1);
  await expect(hechos).toContainText('En curso');
  await expect(hechos).not.toContainText('Motivo:');
  await page.getByRole('button', { name: 'Registrar seguimiento' }).click();
  await dialog(page).getByRole('combobox', { name: 'Estado' }).selectOption('cancelled');
  await dialog(page).getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog(page)).toContainText('Indique el motivo de una medida retrasada o cancelada');
  await axe('measure page, Spanish, refused progress');
});

test('a renamed action area names the plan’s group, in the language it was renamed in', async ({
  page,
  request,
  harness,
}) => {
  const api = { request, harness };
  await acceptedRecommendations(api);
  await page.goto('/');
  await nav(page).getByRole('link', { name: 'Programme' }).click();
  await field(page, 'Services to citizens (Spanish)').fill('Atención a la ciudadanía');
  await field(page, 'Services to citizens (English)').fill('Front-line services');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved');
  await nav(page).getByRole('link', { name: 'Action plan' }).click();
  await expect(page.getByRole('heading', { name: 'Front-line services', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Training and awareness-raising', level: 2 })).toBeVisible();
  await call(api, 'session.setLanguage', { language: 'es' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Atención a la ciudadanía', level: 2 })).toBeVisible();
});

test('a manager reads the plan and a measure’s trace limited to their own service', async ({
  page,
  request,
  harness,
  axe,
}) => {
  const api = { request, harness };
  await openDemo(api, { as: 'MGR-POL' });
  await page.goto('/');
  await nav(page).getByRole('link', { name: 'Action plan' }).click();
  await expect(page.getByRole('heading', { name: 'Local Action Plan', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add measure' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Accepted recommendations without a measure' })).toHaveCount(0);
  // A measure answering a police and an employment recommendation.
  await page.getByRole('link', { name: 'Training on equal treatment and hate crimes for front-line staff' }).click();
  const trace = page.getByRole('region', { name: 'Trace' });
  await expect(trace).toContainText('Recommendations about services you do not manage: 1');
  await expect(trace.getByRole('link', { name: /^Recommendation: / })).toHaveCount(1);
  await expect(trace).toContainText('Observation — details for the audit team and the coordinator');
  await expect(trace.getByRole('link', { name: /^Observation: / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Show history' })).toHaveCount(0);
  await axe('measure page, manager');
});

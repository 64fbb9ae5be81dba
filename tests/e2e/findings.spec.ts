/**
 * From results to managers' answers, in Chromium against the real core over http. In the demo,
 * the police audit (in review) gets four more non-compliant consolidated results (set-up through
 * the API: the demo's own non-compliant result is already cited by its findings). As the
 * coordinator, on the audit's Findings tab: accept one suggestion (with its evidence, which
 * opens), merge two into one finding, dismiss one (still dismissed after a reload), and add one
 * recommendation across the two new findings, addressed to a department. As the police's
 * manager, on Reviews: a rejection without a justification is refused with the core's message,
 * in English and in Spanish, then answered with a measure and a date; the audit's review state
 * shows the answer. The employment office's manager sees none of it, on screen or through the
 * core. axe finds nothing on the Findings tab and the Reviews screen in English and Spanish.
 */
import type { Page } from '@playwright/test';
import { call, openDemo, type Api } from './api';
import { expect, test } from './fixtures';

const POLICE = 'Audit of the Local Police — Central Station';

/** The demo, as its coordinator, with four more non-compliant results in the police audit. */
async function demoWithResults(api: Api) {
  await openDemo(api);
  const audit = (await call(api, 'audits.list', {})).items.find((a) => a.title === POLICE)!;
  const checklist = await call(api, 'templateVersions.checklist', { id: audit.templateVersionId });
  const results = (await call(api, 'audits.consolidatedResults', { auditId: audit.id, limit: 500 })).items;
  const nonCompliant = new Set(results.filter((r) => r.rating === 'non_compliant').map((r) => r.criterionId));
  const criteria = checklist.sections
    .flatMap((s) => s.criteria)
    .filter((c) => c.responseType === 'rating' && !nonCompliant.has(c.id))
    .slice(0, 4);
  expect(criteria).toHaveLength(4);
  for (const [i, c] of criteria.entries()) {
    const existing = results.find((r) => r.criterionId === c.id);
    await call(api, 'audits.consolidate', {
      auditId: audit.id,
      criterionId: c.id,
      rating: 'non_compliant',
      note: `Seen on visit ${i + 1}.`,
      rev: existing?.rev ?? null,
    });
  }
  const people = (await call(api, 'people.list', {})).items;
  const byCode = (code: string) => people.find((p) => p.code === code)!;
  return { audit, coordinator: byCode('COORD-01'), police: byCode('MGR-POL'), employment: byCode('MGR-EMP') };
}

/** Opens a screen afresh (the page reads the session again: who one works as, the language). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.reload();
}

const suggestions = (page: Page) => page.getByTestId('suggestion');
const findingCard = (page: Page, title: string) => page.getByRole('article', { name: title, exact: true });

test('coordinator turns results into findings and recommendations; the manager answers them', async ({
  page,
  request,
  harness,
  axe,
}) => {
  test.setTimeout(240_000);
  const api = { request, harness };
  const { audit, coordinator, police, employment } = await demoWithResults(api);
  const before = (await call(api, 'findings.list', { auditId: audit.id })).items.length;

  await page.goto(`/#/audits/${audit.id}?tab=findings`);
  await expect(page.getByRole('tab', { name: 'Findings' })).toHaveAttribute('aria-selected', 'true');
  await expect(suggestions(page)).toHaveCount(4);
  const titles = await page.getByTestId('suggestion-title').allInnerTexts();
  expect(titles).toHaveLength(4);
  await axe('findings tab');

  // Accept the first suggestion: the draft, completed, becomes a finding citing its result.
  await suggestions(page).first().getByRole('button', { name: 'Accept' }).click();
  const modal = page.getByRole('dialog');
  await expect(modal.getByLabel('Title')).toHaveValue(titles[0]!);
  await modal.getByLabel('Severity').selectOption('high');
  await modal.getByLabel('Kind of structural finding').selectOption('procedure');
  await modal.getByLabel('Cause').fill('No written procedure.');
  await axe('finding form');
  await modal.getByRole('button', { name: 'Save' }).click();
  await expect(modal).toHaveCount(0);
  const accepted = findingCard(page, titles[0]!);
  await expect(accepted).toContainText('High');
  await expect(accepted.getByTestId('finding-evidence')).toContainText('Consolidated result');
  await expect(suggestions(page)).toHaveCount(3);

  // Its evidence opens: the result's details, and its tab.
  await accepted.getByTestId('finding-evidence').getByRole('button').first().click();
  await expect(page.getByTestId('evidence-details')).toContainText('Seen on visit 1.');
  await page.getByRole('button', { name: 'Show in its tab' }).click();
  await expect(page.getByRole('tab', { name: 'Agreement' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Findings' }).click();

  // Merge the next two: one finding with the evidence of both.
  await page.getByRole('checkbox', { name: `Merge “${titles[1]}”` }).check();
  await page.getByRole('checkbox', { name: `Merge “${titles[2]}”` }).check();
  await page.getByRole('button', { name: 'Merge the selected (2)' }).click();
  await modal.getByLabel('Title').fill('Identity checks and forms not recorded');
  await modal.getByRole('button', { name: 'Save' }).click();
  await expect(modal).toHaveCount(0);
  const merged = findingCard(page, 'Identity checks and forms not recorded');
  await expect(merged.getByTestId('finding-evidence').getByText(/^Consolidated result/)).toHaveCount(2);
  await expect(suggestions(page)).toHaveCount(1);

  // Dismiss the last one; it stays dismissed after a reload.
  await suggestions(page).first().getByRole('button', { name: 'Dismiss' }).click();
  await expect(suggestions(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('Dismissed suggestions (1)')).toBeVisible();
  await expect(suggestions(page)).toHaveCount(0);
  await expect(page.getByText(/No suggestions/)).toBeVisible();

  const findings = (await call(api, 'findings.list', { auditId: audit.id })).items;
  expect(findings).toHaveLength(before + 2);
  const mergedFinding = findings.find((f) => f.title === 'Identity checks and forms not recorded')!;
  expect(mergedFinding.evidence.filter((l) => l.kind === 'consolidated_result')).toHaveLength(2);

  // One recommendation across both new findings, addressed to a department.
  await page.getByRole('button', { name: 'New recommendation' }).click();
  await modal.getByLabel('Title').fill('Write and train an identity-check procedure');
  await modal.getByLabel('Addressed to').fill('Human Resources Department');
  await modal.getByRole('checkbox', { name: titles[0]!, exact: true }).check();
  await modal.getByRole('checkbox', { name: 'Identity checks and forms not recorded' }).check();
  await axe('recommendation form');
  await modal.getByRole('button', { name: 'Save' }).click();
  await expect(modal).toHaveCount(0);
  const rec = page.getByRole('article', { name: 'Write and train an identity-check procedure' });
  await expect(rec.getByTestId('addressed-to')).toHaveText('Human Resources Department');
  await expect(rec.getByTestId('recommendation-findings')).toContainText('Identity checks and forms not recorded');
  await expect(rec.getByTestId('answer-state')).toHaveText('Not answered yet');
  await axe('findings tab with recommendations');

  // As the police's manager: a rejection without a justification is refused by the core.
  await call(api, 'session.setCurrentPerson', { personId: police.id });
  await open(page, '/#/reviews');
  const card = page.getByRole('article', { name: 'Write and train an identity-check procedure' });
  await expect(card).toBeVisible();
  await axe('reviews');
  // The audit's Findings tab, read-only for the manager.
  await page
    .getByRole('region', { name: `Audit: ${POLICE}` })
    .getByRole('link', { name: 'Open the audit’s Findings tab' })
    .click();
  await expect(page.getByRole('tab', { name: 'Findings' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/You can read the findings and recommendations/)).toBeVisible();
  await expect(findingCard(page, 'Identity checks and forms not recorded')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New finding' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await expect(suggestions(page)).toHaveCount(0);
  await axe('findings tab, manager');
  await page.goBack();
  await expect(card).toBeVisible();
  await card.getByRole('radio', { name: 'Rejected' }).check();
  await card.getByRole('button', { name: 'Save the answer' }).click();
  const justification = card.getByLabel('Justification');
  await expect(justification).toHaveAttribute('aria-invalid', 'true');
  await expect(card).toContainText('A justification is required when a recommendation is not fully accepted.');
  const newRec = (await call(api, 'recommendations.list', { auditId: audit.id })).items.find((r) =>
    r.title.startsWith('Write and'),
  )!;
  expect((await call(api, 'recommendations.answers', { recommendationId: newRec.id })).items).toEqual([]);

  // The same refusal in Spanish.
  await call(api, 'session.setLanguage', { language: 'es' });
  await page.reload();
  const tarjeta = page.getByRole('article', { name: 'Write and train an identity-check procedure' });
  await tarjeta.getByRole('radio', { name: 'Rechazada' }).check();
  await tarjeta.getByRole('button', { name: 'Guardar la respuesta' }).click();
  await expect(tarjeta.getByLabel('Justificación')).toHaveAttribute('aria-invalid', 'true');
  await expect(tarjeta).toContainText(
    'Hace falta una justificación cuando una recomendación no se acepta por completo.',
  );
  await axe('revisiones, respuesta rechazada');
  await tarjeta.getByLabel('Justificación').fill('El protocolo lo aprueba la Jefatura, no este servicio.');
  await tarjeta.getByLabel('La medida a la que se compromete').fill('Proponer el protocolo a la Jefatura.');
  await tarjeta.getByLabel('Para (fecha)').fill('30/09/2026');
  await tarjeta.getByRole('button', { name: 'Guardar la respuesta' }).click();
  await expect(tarjeta.getByRole('status')).toHaveText('Respuesta guardada');
  await expect(tarjeta.getByTestId('answer-state')).toContainText('Rechazada · MGR-POL');
  await axe('revisiones');

  const recs = (await call(api, 'recommendations.list', { auditId: audit.id })).items;
  const answers = (await call(api, 'recommendations.answers', { auditId: audit.id })).items;
  const mine = answers.find((a) => a.recommendationId === newRec.id)!;
  expect(mine).toMatchObject({ decision: 'rejected', committedBy: '2026-09-30' });
  const answered = new Set(answers.map((a) => a.recommendationId)).size;

  // The audit's review state, as the coordinator, in Spanish then English.
  await call(api, 'session.setCurrentPerson', { personId: coordinator.id });
  await open(page, `/#/audits/${audit.id}?tab=findings`);
  await expect(page.getByTestId('review-count')).toHaveText(
    `${answered} de ${recs.length} recomendaciones respondidas`,
  );
  await expect(page.getByTestId('review-state')).toContainText('MGR-POL');
  await axe('pestaña de hallazgos');
  await call(api, 'session.setLanguage', { language: 'en' });
  await page.reload();
  await expect(page.getByTestId('review-count')).toHaveText(`${answered} of ${recs.length} recommendations answered`);
  await expect(
    page.getByRole('article', { name: 'Write and train an identity-check procedure' }).getByTestId('answer-state'),
  ).toContainText('Rejected · MGR-POL');

  // Another service's manager sees none of it: not on screen, not through the core.
  await call(api, 'session.setCurrentPerson', { personId: employment.id });
  await open(page, '/#/reviews');
  await expect(page.getByRole('heading', { name: 'Reviews', level: 1 })).toBeVisible();
  await expect(page.getByTestId('audit-review').first()).toBeVisible();
  await expect(page.getByText(POLICE)).toHaveCount(0);
  await expect(page.getByText('Write and train an identity-check procedure')).toHaveCount(0);
  expect((await call(api, 'findings.list', { auditId: audit.id })).items).toEqual([]);
  expect((await call(api, 'recommendations.list', { auditId: audit.id })).items).toEqual([]);
  await expect(call(api, 'findings.get', { id: mergedFinding.id })).rejects.toThrow(/forbidden/);
});

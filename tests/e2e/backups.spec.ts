/**
 * The Backups screen in Chromium against the real core: back up now, restore (after which the
 * state before the restore is listed too), the second folder refused with a translated message
 * on its field, and a failed automatic backup shown to the user; axe in English and Spanish.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { startHarness, type Harness } from '../harness/server';
import { call } from './api';
import { checkA11y, expect, test } from './fixtures';

async function setUp(request: APIRequestContext, harness: Harness): Promise<void> {
  await call({ request, harness }, 'session.begin', {
    displayName: 'Ana Coordinator',
    role: 'coordinator',
    code: 'COORD-1',
  });
  await call({ request, harness: harness }, 'programme.setUp', { name: 'CAMUS Fuenlabrada', city: 'Fuenlabrada' });
}

const openBackups = async (page: Page, name: RegExp) => {
  await page.getByRole('navigation').getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
};

test('back up now, restore, and the state before the restore is kept', async ({ page, request, harness, axe }) => {
  await setUp(request, harness);
  await page.goto('/');
  await openBackups(page, /^Backups$/);
  const rows = page.getByTestId('backup-row');
  await expect(rows).toHaveCount(1); // the daily backup taken when the core opened
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('backups-notice')).toContainText('Backup taken');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('By hand');
  await axe('backups');

  // Work done after the backup…
  await call({ request, harness: harness }, 'services.create', { name: 'Made after the backup' });
  // …is undone by restoring it.
  await rows
    .first()
    .getByRole('button', { name: /^Restore the backup of/ })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('backed up first');
  await axe('restore dialog');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('backups-notice')).toContainText('was restored');
  await expect(rows.filter({ hasText: 'Before a restore' })).toHaveCount(1);
  await page.getByRole('navigation').getByRole('link', { name: 'Services' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible();
  await expect(page.getByText('Made after the backup')).toHaveCount(0);

  // A second folder that cannot be used: refused on its field, in Spanish too.
  await call({ request, harness: harness }, 'session.setLanguage', { language: 'es' });
  await page.reload();
  await openBackups(page, /^Copias de seguridad$/);
  const path = page.getByRole('textbox', { name: 'Ruta de la carpeta' });
  await path.fill('/proc/no-such-place/usb');
  await page.getByRole('button', { name: 'Usar esta carpeta' }).click();
  await expect(page.getByText(/No se pueden copiar las copias|no se puede/i).first()).toBeVisible();
  await expect(path).toHaveAttribute('aria-invalid', 'true');
  await axe('backups in Spanish');
});

test('a failed automatic backup is shown to the user, in their language', async ({ page, request }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'citizen-audit-e2e-'));
  try {
    const first = await startHarness({ dataDir });
    await setUp(request, first);
    await call({ request, harness: first }, 'session.setLanguage', { language: 'es' });
    await first.close();
    // The backups folder is gone and a file stands in its place: the next backup cannot be made.
    await rm(join(dataDir, 'backups'), { recursive: true, force: true });
    await writeFile(join(dataDir, 'backups'), 'not a folder');
    const harness = await startHarness({ dataDir });
    try {
      await page.goto(harness.url);
      const banner = page.getByTestId('backup-problem-banner');
      await expect(banner).toContainText('La última copia automática falló');
      await expect(banner).toContainText('No se ha podido hacer la copia de seguridad');
      await checkA11y(page, 'backup problem banner');
      await banner.getByRole('link', { name: 'Abrir copias de seguridad' }).click();
      await expect(page.getByTestId('backups-last-error')).toContainText('No se ha podido hacer la copia');
      await checkA11y(page, 'backups with a failure');
    } finally {
      await harness.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a new computer brings its programme back from the second folder before anyone is chosen', async ({
  page,
  request,
  axe,
}) => {
  // The old laptop: a programme with a service, backed up to a USB stick.
  const oldDir = await mkdtemp(join(tmpdir(), 'citizen-audit-e2e-old-'));
  const usb = await mkdtemp(join(tmpdir(), 'citizen-audit-e2e-usb-'));
  try {
    const old = await startHarness({ dataDir: oldDir });
    await setUp(request, old);
    await call({ request, harness: old }, 'services.create', { name: 'Local Police — Central Station' });
    await call({ request, harness: old }, 'backups.setSecondFolder', { folder: usb });
    await call({ request, harness: old }, 'backups.take', {});
    await old.close();

    // The new laptop: the fixture's empty data folder.
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Who are you?' })).toBeVisible();
    await page.getByRole('button', { name: 'Restore a backup' }).click();
    const restore = page.getByRole('dialog', { name: 'Restore a backup' });
    await restore.getByRole('textbox', { name: 'Folder path' }).fill(usb);
    await restore.getByRole('button', { name: 'Use this folder' }).click();
    const fromStick = restore.getByTestId('backup-row').filter({ hasText: 'Second folder' });
    await expect(fromStick.filter({ hasText: 'By hand' })).toHaveCount(1);
    await axe('restore from the who-are-you screen');
    await fromStick
      .filter({ hasText: 'By hand' })
      .getByRole('button', { name: /^Restore the backup of/ })
      .click();
    const confirm = page.getByRole('dialog', { name: /^Restore the backup of/ });
    await confirm.getByRole('button', { name: 'Restore' }).click();

    // The programme is back, and its coordinator with it.
    await expect(page.getByRole('heading', { level: 1, name: 'Programme overview' })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Services' }).click();
    await expect(page.getByText('Local Police — Central Station')).toBeVisible();
  } finally {
    await rm(oldDir, { recursive: true, force: true });
    await rm(usb, { recursive: true, force: true });
  }
});

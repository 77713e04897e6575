import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { useExtension } from '../../harness/suite';
import { axeViolations } from './axe';

const SHOTS = 'test-output';

describe('the options page', () => {
  const suite = useExtension({ screenshots: SHOTS, viewport: { width: 900, height: 900 } });

  const stored = () =>
    suite.browser.worker.evaluate(
      async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown> | undefined,
    );
  const store = (settings: object) =>
    suite.browser.worker.evaluate((s) => chrome.storage.local.set({ settings: s }), settings);

  beforeEach(async () => {
    await suite.browser.worker.evaluate(() => chrome.storage.local.clear());
  });

  async function openOptions(): Promise<Page> {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.browser.extensionUrl('options.html'));
    await page.getByRole('heading', { name: 'How terms are marked' }).waitFor();
    return page;
  }

  /** Waits until storage holds settings matching `expected`, since every control saves by itself. */
  async function storedSoon(expected: Record<string, unknown>): Promise<void> {
    await expect.poll(stored, { timeout: 5000 }).toMatchObject(expected);
  }

  it('saves each choice the moment it changes', async () => {
    const page = await openOptions();
    await page.getByRole('radio', { name: /Tinted background/ }).check();
    await storedSoon({ style: 'background' });
    await page.getByRole('radio', { name: /Only the first time/ }).check();
    await storedSoon({ density: 'first' });
    await page.getByRole('checkbox', { name: 'Medicines' }).uncheck();
    await storedSoon({ hiddenCategories: ['medicine'] });

    const delay = page.getByRole('slider', { name: /Wait before explaining/ });
    await delay.focus();
    await page.keyboard.press('ArrowRight');
    await storedSoon({ hoverDelayMs: 400 });
    await expect(page.locator('output[for="hover-delay"]').textContent()).resolves.toBe('400 ms');
    await page.close();
  });

  it('shows changes made elsewhere without a reload', async () => {
    const page = await openOptions();
    await store({ style: 'background', disabledSites: ['nhs.uk'] });
    await expect.poll(() => page.getByRole('radio', { name: /Tinted background/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Remove nhs.uk' }).waitFor();
    await page.close();
  });

  it('adds a site only when it is a real host, and removes it again', async () => {
    const page = await openOptions();
    const field = page.getByRole('textbox', { name: 'Turn highlighting off on a site' });
    await field.fill('not a site!');
    await page.getByRole('button', { name: 'Turn off' }).click();
    await page.getByText('is not a site name').waitFor();
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await stored())?.disabledSites ?? []).toEqual([]);

    await field.fill('https://www.Example.org/some/page');
    await field.press('Enter');
    await storedSoon({ disabledSites: ['example.org'] });
    await expect(field.inputValue()).resolves.toBe('');

    await field.fill('example.org');
    await field.press('Enter');
    await page.getByText('Highlighting is already off on example.org.').waitFor();

    await page.getByRole('button', { name: 'Remove example.org' }).click();
    await storedSoon({ disabledSites: [] });
    await page.close();
  });

  it('lists the keyboard shortcuts as the browser has them, and where to change them', async () => {
    const commands = await suite.browser.worker.evaluate(() => chrome.commands.getAll());
    const page = await openOptions();
    const table = page.getByRole('table', { name: 'Keyboard shortcuts' });
    await table.waitFor();
    for (const c of commands) {
      if (!c.description) continue;
      const row = table.getByRole('row', { name: c.description });
      await expect(row.locator('td').nth(1).textContent()).resolves.toBe(c.shortcut || 'Not set');
    }
    expect(commands.map((c) => c.name)).toEqual(
      expect.arrayContaining(['next-term', 'previous-term', 'toggle-site', 'explain-selection']),
    );
    await page.getByText('chrome://extensions/shortcuts').waitFor();
    await page.close();
  });

  it('refuses a bad settings file with a clear message and changes nothing', async () => {
    await store({ style: 'background', disabledSites: ['example.org'] });
    const before = await stored();
    const page = await openOptions();
    const upload = page.getByLabel('Import settings from a file');
    for (const [body, reason] of [
      ['{ not json', 'This file is not valid JSON.'],
      ['{"style": "neon"}', 'The value of "style" is not valid.'],
      ['{"colour": "red"}', 'Unknown setting(s): colour.'],
    ] as const) {
      await upload.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(body) });
      const alert = page.getByRole('region', { name: 'Back up and restore' }).getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain(reason);
      await expect(alert.textContent()).resolves.toContain('Your settings did not change.');
      expect(await stored()).toEqual(before);
    }
    await page.close();
  });

  it('exports a file that imports back', async () => {
    const chosen = {
      style: 'background',
      density: 'first',
      hoverDelayMs: 600,
      hiddenCategories: ['lifestyle'],
      disabledSites: ['example.org'],
    };
    await store(chosen);
    const page = await openOptions();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export settings' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('termlens-settings.json');
    const text = readFileSync(await file.path(), 'utf8');
    const exported = JSON.parse(text) as Record<string, unknown>;
    expect(exported).toMatchObject({ ...chosen, enabled: true, version: 1 });

    await page.getByRole('button', { name: 'Reset to defaults…' }).click();
    await page.getByRole('button', { name: 'Reset everything' }).click();
    await storedSoon({ style: 'underline', disabledSites: [], hiddenCategories: [] });
    await page.getByRole('status').getByText('Settings reset to defaults.').waitFor();

    await page
      .getByLabel('Import settings from a file')
      .setInputFiles({ name: 'termlens-settings.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByRole('status').getByText('Settings imported').waitFor();
    expect(await stored()).toEqual(exported);
    await expect(
      page.getByRole('region', { name: 'Back up and restore' }).getByRole('alert').textContent(),
    ).resolves.toBe('');
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`speaks Spanish when the Spanish interface is chosen, and passes axe-core, ${scheme}`, async () => {
      await store({ interfaceLanguage: 'es', disabledSites: ['example.org'] });
      const page = await suite.browser.context.newPage();
      await page.goto(suite.browser.extensionUrl('options.html'));
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('heading', { name: 'Cómo se marcan los términos' }).waitFor();
      await expect(page.evaluate(() => [document.documentElement.lang, document.title])).resolves.toEqual([
        'es',
        'Opciones de TermLens',
      ]);
      await page.getByRole('heading', { level: 1, name: 'Opciones de TermLens' }).waitFor();
      await expect(page.getByRole('radio', { name: 'Español', exact: true }).isChecked()).resolves.toBe(true);
      await page.getByRole('button', { name: 'Quitar example.org' }).waitFor();
      const table = page.getByRole('table', { name: 'Atajos de teclado' });
      await table.getByRole('row', { name: /Ir al siguiente término resaltado y explicarlo/ }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/options-es-${scheme}.png`, fullPage: true });

      // The refusal and the invalid-site states, in Spanish too.
      await page
        .getByLabel('Importar la configuración desde un archivo')
        .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
      const alert = page.getByRole('region', { name: 'Copia de seguridad' }).getByRole('alert');
      await expect
        .poll(() => alert.textContent())
        .toBe('“bad.json” no se importó: Este archivo no es un JSON válido. Su configuración no cambió.');
      await page.getByRole('textbox', { name: 'Desactivar el resaltado en un sitio' }).fill('bad site');
      await page.getByRole('button', { name: 'Desactivar', exact: true }).click();
      await page.getByText('“bad site” no es el nombre de un sitio.').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // Back to English, at once, with the other settings kept.
      await page.getByRole('radio', { name: 'English', exact: true }).check();
      await page.getByRole('heading', { name: 'How terms are marked' }).waitFor();
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
      await storedSoon({ interfaceLanguage: 'en', disabledSites: ['example.org'] });
      await page.close();
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe-core, ${scheme}`, async () => {
      await store({ disabledSites: ['example.org', 'nhs.uk'] });
      const page = await openOptions();
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('table', { name: 'Keyboard shortcuts' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/options-${scheme}.png`, fullPage: true });

      // The refusal and the invalid-site states are part of the page too.
      await page
        .getByLabel('Import settings from a file')
        .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
      await page.getByRole('textbox', { name: 'Turn highlighting off on a site' }).fill('bad site');
      await page.getByRole('button', { name: 'Turn off' }).click();
      await page
        .getByRole('region', { name: 'Back up and restore' })
        .getByRole('alert')
        .getByText('not valid JSON')
        .waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/options-errors-${scheme}.png`, fullPage: true });
      await page.close();
    });
  }
});

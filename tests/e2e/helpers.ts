import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1440, height: 900 };
export const SHOTS = 'tests/e2e/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** Fails the test on any console error or uncaught exception (a panic shows up as one). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Opens the app and waits until the library has rendered. */
export async function openApp(page: Page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.locator('.card')).toHaveCount(3);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

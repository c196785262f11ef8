/**
 * Export checks shared by the connectivity and stats e2e tests: trigger a download from an
 * export bar and check what arrived (SVG parses in the page, PNG has the asked size, CSV rows).
 */
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

export async function download(
  page: Page,
  button: Locator,
): Promise<{ name: string; body: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), body: await readFile(path) };
}

/** Sets the export size, downloads SVG and PNG, and checks both. */
export async function checkFigureExports(page: Page, group: Locator, width = 640, height = 480) {
  await group.getByLabel('Width').fill(String(width));
  await group.getByLabel('Height').fill(String(height));
  const svg = await download(page, group.getByRole('button', { name: 'SVG' }));
  expect(svg.name).toMatch(/\.svg$/);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.nodeName,
      width: doc.documentElement.getAttribute('width'),
    };
  }, svg.body.toString('utf8'));
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(Number(parsed.width)).toBe(width);
  const png = await download(page, group.getByRole('button', { name: 'PNG' }));
  expect(png.name).toMatch(/\.png$/);
  const image = PNG.sync.read(png.body);
  expect([image.width, image.height]).toEqual([width, height]);
}

/** Minimal RFC 4180 parser for the app's own CSV (quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

export async function downloadCsv(page: Page, group: Locator): Promise<string[][]> {
  const csv = await download(page, group.getByRole('button', { name: 'CSV' }));
  expect(csv.name).toMatch(/\.csv$/);
  return parseCsv(csv.body.toString('utf8'));
}

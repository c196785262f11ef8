/**
 * Reads a rendered table (found by its accessible name) as a user sees it: each body row and the
 * footer as `header → cell text`, so tests compare columns by their header, not by position.
 */
import { screen, within } from '@testing-library/react';

interface ReadTable {
  headers: string[];
  rows: Record<string, string>[];
  footer: Record<string, string> | null;
}

function headerName(th: Element): string {
  const label = th.getAttribute('aria-label');
  // Sort arrows are decoration (aria-hidden), not part of the column's name.
  const text = [...th.childNodes]
    .map((n) => (n instanceof Element ? headerText(n) : (n.textContent ?? '')))
    .join('');
  return (label ?? text).trim();
}

function headerText(el: Element): string {
  if (el.getAttribute('aria-hidden') === 'true') return '';
  if (el.children.length === 0) return el.textContent ?? '';
  return [...el.childNodes]
    .map((n) => (n instanceof Element ? headerText(n) : (n.textContent ?? '')))
    .join('');
}

function byHeader(headers: string[], cells: Element[]): Record<string, string> {
  const out: Record<string, string> = {};
  cells.forEach((c, i) => {
    const h = headers[i];
    if (h) out[h] = (c.textContent ?? '').trim();
  });
  return out;
}

export function readTable(name: string): ReadTable {
  const table = screen.getByRole('table', { name });
  const headers = within(table).getAllByRole('columnheader').map(headerName);
  const rows = [...table.querySelectorAll('tbody tr')]
    .filter((tr) => tr.querySelector('td.dt-empty') === null && tr.children.length > 1)
    .map((tr) => byHeader(headers, [...tr.children]));
  const foot = table.querySelector('tfoot tr');
  return { headers, rows, footer: foot ? byHeader(headers, [...foot.children]) : null };
}

/** A count as the tables print it ("1,234") back to a number. */
export const num = (text: string | undefined): number => Number((text ?? '').replace(/,/g, ''));

/**
 * Categorical colour schemes for the selection. Every scheme is a list that cycles; "hues" is
 * generated (golden-angle hue steps) so it never repeats. The first scheme is the app's default
 * palette (`categoricalColor`), so neurons added before any choice keep their colours.
 */
import { categoricalColor } from '../lib/colors.ts';

export type ColorSchemeId =
  'tableau' | 'okabe-ito' | 'tol-muted' | 'set1' | 'dark2' | 'paired' | 'hues';

export interface ColorScheme {
  id: ColorSchemeId;
  label: string;
}

const lists: Record<Exclude<ColorSchemeId, 'hues' | 'tableau'>, readonly string[]> = {
  // Okabe & Ito 2008 without black (invisible on the 3D view's dark background).
  'okabe-ito': ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7'],
  'tol-muted': [
    '#332288',
    '#88ccee',
    '#44aa99',
    '#117733',
    '#999933',
    '#ddcc77',
    '#cc6677',
    '#882255',
    '#aa4499',
  ],
  set1: ['#e41a1c', '#377eb8', '#4daf4a', '#984ea3', '#ff7f00', '#ffff33', '#a65628', '#f781bf'],
  dark2: ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'],
  paired: [
    '#1f78b4',
    '#a6cee3',
    '#33a02c',
    '#b2df8a',
    '#e31a1c',
    '#fb9a99',
    '#ff7f00',
    '#fdbf6f',
    '#6a3d9a',
    '#cab2d6',
    '#b15928',
    '#ffff99',
  ],
};

export const COLOR_SCHEMES: readonly ColorScheme[] = [
  { id: 'tableau', label: 'Tableau 20' },
  { id: 'okabe-ito', label: 'Okabe–Ito (colour-blind safe)' },
  { id: 'tol-muted', label: 'Tol muted (colour-blind safe)' },
  { id: 'set1', label: 'ColorBrewer Set1' },
  { id: 'dark2', label: 'ColorBrewer Dark2' },
  { id: 'paired', label: 'ColorBrewer Paired' },
  { id: 'hues', label: 'Distinct hues (many neurons)' },
];

/** The colour of neurons that fall in no group when colouring by annotation. */
export const NEUTRAL_COLOR = '#a3a8ae';

export function isColorSchemeId(value: unknown): value is ColorSchemeId {
  return COLOR_SCHEMES.some((s) => s.id === value);
}

function hex2(v: number): string {
  return Math.round(Math.min(255, Math.max(0, v * 255)))
    .toString(16)
    .padStart(2, '0');
}

/** HSL (h in degrees, s and l in 0..1) → lowercase #rrggbb. */
function hsl(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return `#${hex2(f(0))}${hex2(f(8))}${hex2(f(4))}`;
}

/** The `index`-th colour of a scheme (lowercase #rrggbb). */
export function schemeColor(scheme: ColorSchemeId, index: number): string {
  if (scheme === 'tableau') return categoricalColor(index);
  if (scheme === 'hues') return hsl((index * 137.508 + 210) % 360, 0.68, index % 2 ? 0.46 : 0.58);
  const list = lists[scheme];
  return list[((index % list.length) + list.length) % list.length] ?? NEUTRAL_COLOR;
}

/** A colour a user or a file gave: `#rgb` / `#rrggbb`, any case → lowercase #rrggbb, else null. */
export function normalizeHexColor(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  const m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  return m ? `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}` : null;
}

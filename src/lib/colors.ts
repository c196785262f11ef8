/**
 * Categorical colours for neurons: a qualitative palette (Tableau 10, then its lighter half) that
 * stays distinguishable on white and black backgrounds, cycling beyond 20.
 */
const palette = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#a0cbe8',
  '#ffbe7d',
  '#ff9d9a',
  '#86bcb6',
  '#8cd17d',
  '#f1ce63',
  '#d4a6c8',
  '#fabfd2',
  '#d7b5a6',
  '#79706e',
];

export function categoricalColor(index: number): string {
  const i = ((index % palette.length) + palette.length) % palette.length;
  return palette[i] ?? '#4e79a7';
}

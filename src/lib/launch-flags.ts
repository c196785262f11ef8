/**
 * Flags read from the address the page was opened with, once, before anything renders: the URL
 * store rewrites the address into its canonical form (dropping keys it does not know) before a
 * lazily loaded view mounts, so a view cannot read them from `location` itself.
 */
const launchParams = new URLSearchParams(
  typeof window === 'undefined' ? '' : window.location.search,
);

/** `?bench=1`: `npm run bench` drives the 3D view through a window hook (bench-hook.ts). */
export const benchMode = launchParams.get('bench') === '1';

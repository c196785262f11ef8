/** Removes the main test server's skeleton cache folder (made fresh per run in playwright.config.ts). */
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const dir = process.env.E2E_CACHE_DIR;
  if (dir && /e2e-skeleton-cache-/.test(dir)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The Chromium launch of both benches: Debian's Chromium with the e2e tests' flags, plus precise
 * heap figures.
 */
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../test-support/chromium-flags.ts';

export const CHROMIUM_ARGS = [...CHROMIUM_FLAGS, '--enable-precise-memory-info'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

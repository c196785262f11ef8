import { describe, expect, it } from 'vitest';
import { DEFAULT_STALL_TIMEOUT_MS, readEnvSettings } from './env.ts';

describe('DASHBOARD_STALL_TIMEOUT_MS', () => {
  it('defaults to 30 s and reads whole milliseconds', () => {
    expect(readEnvSettings({}).stallTimeoutMs).toBe(DEFAULT_STALL_TIMEOUT_MS);
    expect(DEFAULT_STALL_TIMEOUT_MS).toBe(30_000);
    expect(readEnvSettings({ DASHBOARD_STALL_TIMEOUT_MS: ' 45000 ' }).stallTimeoutMs).toBe(45_000);
  });

  it.each(['abc', '1.5', '0', '-1', '999', '600001'])(
    'refuses %s with a message naming the variable',
    (raw) => {
      expect(() => readEnvSettings({ DASHBOARD_STALL_TIMEOUT_MS: raw })).toThrow(
        /DASHBOARD_STALL_TIMEOUT_MS/,
      );
    },
  );
});

import { describe, expect, it } from 'vitest';
import { readCacheConfig } from './skeleton-cache.ts';

describe('cache settings from the environment', () => {
  it('defaults to SQLite under XDG_CACHE_HOME (else ~/.cache), 4096 MB, writes behind 512 MB', () => {
    expect(readCacheConfig({ XDG_CACHE_HOME: '/var/cache/x' })).toEqual({
      backend: 'sqlite',
      location: '/var/cache/x/catmaid-dashboard/skeletons.sqlite',
      maxBytes: 4096 * 1024 * 1024,
      redisPrefix: undefined,
      writeBehindBytes: 512 * 1024 * 1024,
    });
    expect(readCacheConfig({}).location).toMatch(
      /\/\.cache\/catmaid-dashboard\/skeletons\.sqlite$/,
    );
  });

  it('reads CACHE_DIR, CACHE_MAX_MB, CACHE_URL with its prefix, and CACHE=off above all', () => {
    expect(readCacheConfig({ CACHE_DIR: '/tmp/c', CACHE_MAX_MB: '1.5' })).toMatchObject({
      location: '/tmp/c/skeletons.sqlite',
      maxBytes: 1572864,
    });
    expect(
      readCacheConfig({ CACHE_URL: 'redis://cache:6379/2', CACHE_REDIS_PREFIX: 'lab:' }),
    ).toMatchObject({ backend: 'redis', location: 'redis://cache:6379/2', redisPrefix: 'lab:' });
    expect(readCacheConfig({ CACHE: 'off', CACHE_URL: 'redis://cache' }).backend).toBe('off');
    expect(readCacheConfig({ CACHE_WRITE_BEHIND_MB: '0' }).writeBehindBytes).toBe(0);
  });

  it('refuses settings that cannot be meant', () => {
    expect(() => readCacheConfig({ CACHE_MAX_MB: '-1' })).toThrow(/CACHE_MAX_MB/);
    expect(() => readCacheConfig({ CACHE_MAX_MB: 'lots' })).toThrow(/CACHE_MAX_MB/);
    expect(() => readCacheConfig({ CACHE_URL: 'http://cache' })).toThrow(/CACHE_URL/);
    expect(() => readCacheConfig({ CACHE_WRITE_BEHIND_MB: 'x' })).toThrow(/CACHE_WRITE_BEHIND_MB/);
  });
});

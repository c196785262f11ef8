import { describe, expect, it } from 'vitest';
import { buildStore } from '../server.ts';
import { LAB_PROJECT_ID } from './lab.ts';

describe('the lab project', () => {
  it('is not built unless asked for, so projects 1 and 2 start as before', () => {
    const store = buildStore(1, 1, null, () => undefined);
    expect([...store.projects.keys()]).toEqual([1, 2]);
    expect(store.projects.has(LAB_PROJECT_ID)).toBe(false);
  });
});

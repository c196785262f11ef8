import { describe, expect, it } from 'vitest';
import { SchemaError } from '../lib/http/errors.ts';
import { decodeAnnotations } from './annotations.ts';

describe('decodeAnnotations (good / bad fixtures)', () => {
  it('decodes a good answer', () => {
    expect(
      decodeAnnotations({
        annotations: [{ name: 'PN', id: 1, users: [{ id: 6, name: 'jsmith' }] }],
      }),
    ).toEqual([{ id: 1, name: 'PN', users: [{ id: 6, login: 'jsmith' }] }]);
  });

  it.each([
    [[], '(root)'],
    [{ annotations: {} }, '(root)'],
    [{ annotations: [{ id: '1', name: 'PN' }] }, 'annotations.0'],
    [{ annotations: [{ id: 1, name: 'PN' }, { id: 2 }] }, 'annotations.1'],
    [{ annotations: [{ id: 1, name: 'PN', users: [{ id: 6 }] }] }, 'annotations.0.users.0'],
  ])('rejects %j naming the row', (raw, where) => {
    let err: unknown;
    try {
      decodeAnnotations(raw, 'GET /{pid}/annotations/');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemaError);
    expect((err as SchemaError).endpoint).toBe('GET /{pid}/annotations/');
    expect((err as SchemaError).issues).toContain(where);
  });
});

import { describe, expect, it } from 'vitest';
import { SchemaError } from '../lib/http/errors.ts';
import { fakeScope } from './fake-scope.ts';
import { fetchUsers, indexUsers } from './users.ts';

describe('fetchUsers', () => {
  it('accepts legacy keys (userid / username / long_name) and fills missing colours', async () => {
    const { scope } = fakeScope(() => ({
      body: [
        { userid: 5, username: 'old', long_name: 'Old Timer' },
        {
          id: 6,
          login: 'jsmith',
          full_name: '',
          first_name: 'Jane',
          last_name: 'Smith',
          color: [1, 0.5, 0],
        },
      ],
    }));
    const users = await fetchUsers(scope);
    expect(users).toEqual([
      { id: 5, login: 'old', fullName: 'Old Timer', color: [0.6, 0.6, 0.6] },
      { id: 6, login: 'jsmith', fullName: 'Jane Smith', color: [1, 0.5, 0] },
    ]);
    expect(indexUsers(users).get(6)?.login).toBe('jsmith');
  });

  it('rejects rows without an id with a SchemaError naming the endpoint', async () => {
    const { scope } = fakeScope(() => ({ body: [{ login: 'ghost' }] }));
    await expect(fetchUsers(scope)).rejects.toMatchObject({
      kind: 'schema',
      endpoint: 'GET /user-list',
    });
    await expect(fetchUsers(scope)).rejects.toBeInstanceOf(SchemaError);
  });
});

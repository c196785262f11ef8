import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { usersQuery } from '../../api/users.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';

/** user id → login, and a lookup that falls back to `user <id>` (e.g. before the list loads). */
export function useUserNames(): (id: number) => string {
  const scope = useProjectScope();
  const users = useQuery(usersQuery(scope));
  return useMemo(() => {
    const map = new Map((users.data ?? []).map((u) => [u.id, u.login]));
    return (id: number) => map.get(id) ?? `user ${id}`;
  }, [users.data]);
}

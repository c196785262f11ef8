/** Annotation and user lists for autocomplete and name ↔ id resolution. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { annotationIdsByName, annotationNamesQuery } from '../../api/annotations.ts';
import type { ProjectScope } from '../../api/scope.ts';
import { indexUsers, usersQuery } from '../../api/users.ts';
import type { ComboOption } from '../../components/Combobox.tsx';
import { retryFailed } from '../shared/retry-queries.ts';

export function useSearchInputs(scope: ProjectScope) {
  const annotations = useQuery(annotationNamesQuery(scope));
  const users = useQuery(usersQuery(scope));
  const retry = () => retryFailed(annotations, users);
  const inputs = useMemo(() => {
    const annotationOptions: ComboOption[] = (annotations.data ?? []).map((a) => ({
      value: String(a.id),
      label: a.name,
    }));
    const userOptions: ComboOption[] = (users.data ?? []).map((u) => ({
      value: String(u.id),
      label: u.login,
      hint: u.fullName !== u.login ? u.fullName : undefined,
    }));
    return {
      annotationOptions,
      userOptions,
      annotationIds: annotations.data ? annotationIdsByName(annotations.data) : undefined,
      usersById: users.data ? indexUsers(users.data) : undefined,
      error: annotations.error ?? users.error,
      /** The user list is small and names the annotator field's users: wait for it (or its failure). */
      usersSettled: !users.isPending,
    };
  }, [annotations.data, annotations.error, users.data, users.error, users.isPending]);
  return { ...inputs, retry };
}

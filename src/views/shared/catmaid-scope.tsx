import { createContext, useContext, type ReactNode } from 'react';
import type { ProjectScope } from '../../api/scope.ts';

const ScopeContext = createContext<ProjectScope | null>(null);

/** The CATMAID server and project every view reads from. */
export function CatmaidScopeProvider({
  scope,
  children,
}: {
  scope: ProjectScope;
  children: ReactNode;
}) {
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

export function useProjectScope(): ProjectScope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('useProjectScope needs a <CatmaidScopeProvider>');
  return scope;
}

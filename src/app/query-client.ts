import { QueryClient } from '@tanstack/react-query';
import { catmaidQueryDefaults } from '../lib/http/query-defaults.ts';

export function createAppQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: catmaidQueryDefaults } });
}

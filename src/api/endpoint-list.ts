/**
 * Every CATMAID endpoint the dashboard calls, by method and path template: the one list the
 * proxy allowlist is built from (`server/proxy/allowlist.ts`), the MSW test handlers are built
 * from (`test-support/msw/handlers.ts`) and the demo server's route table is checked against
 * (`src/api/endpoint-list.test.ts`). Each api module declares its endpoint with
 * `defineEndpoint({ route: ROUTES.x, … })` (`endpoint.ts`), so a new endpoint is one entry here
 * plus its module.
 *
 * Plain data without imports: the server's TypeScript project includes this one file.
 * Templates: `{pid}` is the project id, any other `{name}` a numeric id.
 */
type HttpMethod = 'GET' | 'POST';

export interface EndpointRoute {
  readonly method: HttpMethod;
  readonly path: string;
}

export const ROUTES = {
  projects: { method: 'GET', path: '/projects/' },
  userList: { method: 'GET', path: '/user-list' },
  stacks: { method: 'GET', path: '/{pid}/stacks' },
  stackInfo: { method: 'GET', path: '/{pid}/stack/{sid}/info' },
  annotations: { method: 'GET', path: '/{pid}/annotations/' },
  queryTargets: { method: 'POST', path: '/{pid}/annotations/query-targets' },
  annotationsForSkeletons: { method: 'POST', path: '/{pid}/annotations/forskeletons' },
  skeletonAnnotationList: { method: 'POST', path: '/{pid}/skeleton/annotationlist' },
  neuronNames: { method: 'POST', path: '/{pid}/skeleton/neuronnames' },
  neuronDetails: { method: 'GET', path: '/{pid}/skeletons/{skid}/neuron-details' },
  compactDetail: { method: 'GET', path: '/{pid}/skeletons/{skid}/compact-detail' },
  skeletonRoot: { method: 'GET', path: '/{pid}/skeletons/{skid}/root' },
  compactDetailBatch: { method: 'POST', path: '/{pid}/skeletons/compact-detail' },
  connectivity: { method: 'POST', path: '/{pid}/skeletons/connectivity' },
  connectivityMatrix: { method: 'POST', path: '/{pid}/skeleton/connectivity_matrix' },
  connectorsBetween: { method: 'POST', path: '/{pid}/connector/list/many_to_many' },
  connectorLinks: { method: 'POST', path: '/{pid}/connectors/links/' },
  contributorStats: { method: 'POST', path: '/{pid}/skeleton/contributor_statistics_multiple' },
  reviewStatus: { method: 'POST', path: '/{pid}/skeletons/review-status' },
  skeletonSummary: { method: 'POST', path: '/{pid}/skeletons/summary' },
  cableLength: { method: 'POST', path: '/{pid}/skeletons/cable-length' },
  nodeUserInfo: { method: 'POST', path: '/{pid}/node/user-info' },
  statsAggregates: { method: 'GET', path: '/{pid}/stats/aggregates' },
  statsNodeCount: { method: 'GET', path: '/{pid}/stats/nodecount' },
  userHistory: { method: 'GET', path: '/{pid}/stats/user-history' },
  volumes: { method: 'GET', path: '/{pid}/volumes/' },
  volumeDetail: { method: 'GET', path: '/{pid}/volumes/{vid}/' },
  treenodeInfo: { method: 'GET', path: '/{pid}/treenodes/{tnid}/info' },
  treenodeCompactDetail: { method: 'GET', path: '/{pid}/treenodes/{tnid}/compact-detail' },
  treenodeLabels: { method: 'GET', path: '/{pid}/labels/treenode/{tnid}/' },
  connectorDetail: { method: 'GET', path: '/{pid}/connectors/{cid}/' },
  skeletonChangeHistory: { method: 'GET', path: '/{pid}/skeletons/change-history' },
  skeletonImportInfo: { method: 'POST', path: '/{pid}/skeletons/import-info' },
  volumeIntersect: { method: 'GET', path: '/{pid}/volumes/{vid}/intersect' },
  skeletonInnervations: { method: 'POST', path: '/{pid}/volumes/skeleton-innervations' },
  skeletonsInBoundingBox: { method: 'POST', path: '/{pid}/skeletons/in-bounding-box' },
  connectorsInBoundingBox: { method: 'POST', path: '/{pid}/connectors/in-bounding-box' },
  connectorsWithPartners: { method: 'POST', path: '/{pid}/connectors/' },
  connectorTypes: { method: 'GET', path: '/{pid}/connectors/types/' },
  graphDps: { method: 'POST', path: '/{pid}/graph/dps' },
  circlesOfHell: { method: 'POST', path: '/{pid}/graph/circlesofhell' },
  skeletonOrigin: { method: 'POST', path: '/{pid}/skeletons/origin' },
} as const satisfies Record<string, EndpointRoute>;

export type RouteName = keyof typeof ROUTES;

/** The stable name used in error messages, e.g. `POST /{pid}/skeleton/neuronnames`. */
export function routeName(route: EndpointRoute): string {
  return `${route.method} ${route.path}`;
}

/** Anchored regex source for a template: `{pid}` may be negative (CATMAID allows it). */
export function routePattern(path: string): string {
  const escaped = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return `^${escaped.replace(/\{pid\}/g, '-?\\d+').replace(/\{[a-z]+\}/g, '\\d+')}$`;
}

/** A concrete path for a template, for tests and checks (`{pid}` → 1, other ids → 2). */
export function samplePath(path: string): string {
  return path.replace(/\{pid\}/g, '1').replace(/\{[a-z]+\}/g, '2');
}

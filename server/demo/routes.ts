/**
 * The read-only route table: (methods, path regex, handler). Anything not listed here —
 * including every write endpoint of catmaid-api.md §13 — is simply not routed (Django 404 page).
 * `drf` views answer a wrong method with 405 JSON; plain Django views read `request.POST`, so a
 * GET reaches them with empty parameters (`params: 'post'`) and fails like the real server.
 */
import * as meta from './handlers/meta.ts';
import * as ann from './handlers/annotations.ts';
import { queryTargets } from './handlers/query-targets.ts';
import { compactDetailBatch, compactDetailOne } from './handlers/compact-detail.ts';
import * as skel from './handlers/skeletons.ts';
import * as conn from './handlers/connectivity.ts';
import * as links from './handlers/connectors.ts';
import * as stats from './handlers/stats.ts';
import * as contrib from './handlers/contributors.ts';
import * as vol from './handlers/volumes.ts';
import * as nodes from './handlers/nodes.ts';
import { dropNodes, testEditsEnabled } from './handlers/test-edits.ts';
import * as provenance from './handlers/provenance.ts';
import * as regions from './handlers/regions.ts';
import * as graph from './handlers/graph.ts';
import type { Handler, ProjectHandler } from './http/types.ts';
import { connectorDetail } from './handlers/connector-detail.ts';

type Method = 'GET' | 'POST';

export interface Route {
  methods: readonly Method[];
  re: RegExp;
  drf: boolean;
  /** Where parameters come from: the method's own dict, or always the POST body. */
  params: 'method' | 'post';
  global?: Handler;
  project?: ProjectHandler;
}

const G: Method[] = ['GET'];
const P: Method[] = ['POST'];
const GP: Method[] = ['GET', 'POST'];

const top = (methods: Method[], path: string, handler: Handler, drf = true): Route => ({
  methods,
  re: new RegExp(`^${path}$`),
  drf,
  params: 'method',
  global: handler,
});
const pr = (methods: Method[], path: string, handler: ProjectHandler, drf = true): Route => ({
  methods,
  re: new RegExp(`^/(\\d+)${path}$`),
  drf,
  params: 'method',
  project: handler,
});
/** A plain Django view that reads request.POST whatever the method. */
const plain = (path: string, handler: ProjectHandler): Route => ({
  methods: GP,
  re: new RegExp(`^/(\\d+)${path}$`),
  drf: false,
  params: 'post',
  project: handler,
});

const ID = '(\\d+)';

export const routes: Route[] = [
  top(G, '/version', meta.version),
  top(G, '/projects/', meta.projects),
  top(G, '/user-list', meta.userList, false),
  top(G, '/accounts/login', meta.login, false),
  top(G, '/accounts/anonymous-api-token', meta.anonymousToken),
  top(G, `/${ID}/`, meta.project),
  pr(G, '/stacks', meta.stacks, false),
  pr(G, `/stack/${ID}/info`, meta.stackInfo, false),
  pr(G, '/annotations/', ann.annotationsGet),
  pr(P, '/annotations/', ann.annotationsPost),
  pr(P, '/annotations/query-targets', queryTargets),
  pr(P, '/annotations/forskeletons', ann.forSkeletons),
  plain('/skeleton/annotationlist', ann.annotationList),
  pr(P, '/skeleton/neuronnames', ann.neuronNames),
  pr(G, `/skeleton/${ID}/neuronname`, ann.neuronName, false),
  pr(G, `/skeletons/${ID}/neuron-details`, ann.neuronDetails),
  pr(G, '/skeletons/', skel.skeletonList),
  pr(G, `/skeletons/${ID}/compact-detail`, compactDetailOne),
  pr(P, '/skeletons/compact-detail', compactDetailBatch),
  pr(P, '/skeletons/connectivity', conn.connectivity),
  pr(P, '/skeleton/connectivity_matrix', conn.connectivityMatrix),
  plain('/connector/list/many_to_many', conn.manyToMany),
  pr(GP, '/connectors/links/', links.connectorLinks),
  pr(P, '/connectors/', links.connectorList),
  pr(G, '/connectors/types/', links.connectorTypes),
  pr(G, '/stats/user-history', stats.userHistory),
  pr(G, '/stats/nodecount', stats.nodeCount),
  pr(G, '/stats/cable-length', stats.cableLength),
  pr(G, '/stats/aggregates', stats.aggregates),
  pr(G, '/stats/summary', stats.summary, false),
  pr(G, '/stats/history', stats.history, false),
  plain('/skeleton/contributor_statistics_multiple', contrib.contributorMultiple),
  pr(G, `/skeleton/${ID}/contributor_statistics`, contrib.contributorSingle, false),
  pr(P, '/skeletons/review-status', skel.reviewStatus),
  pr(GP, '/skeletons/cable-length', skel.cableLengths),
  pr(G, `/skeletons/${ID}/cable-length`, skel.cableLength),
  pr(GP, '/skeletons/summary', skel.summaries),
  pr(G, `/skeletons/${ID}/root`, skel.root),
  pr(G, `/skeleton/${ID}/node_count`, skel.nodeCount, false),
  pr(G, `/skeleton/${ID}/statistics`, skel.statistics, false),
  pr(GP, '/volumes/', vol.volumeList),
  pr(G, `/volumes/${ID}/`, vol.volumeDetail),
  pr(G, '/labels/', nodes.labels, false),
  pr(G, '/labels/stats', nodes.labelStats, false),
  pr(G, `/labels/treenode/${ID}/`, nodes.treenodeLabels, false),
  plain('/labels-for-nodes', nodes.labelsForNodes),
  plain('/node/user-info', nodes.nodeUserInfo),
  pr(G, `/treenodes/${ID}/info`, nodes.treenodeInfo),
  pr(G, `/treenodes/${ID}/compact-detail`, nodes.treenodeCompactDetail),
  pr(G, `/connectors/${ID}/`, connectorDetail),
  pr(G, '/skeletons/change-history', provenance.changeHistory),
  pr(GP, '/skeletons/import-info', provenance.importInfo),
  pr(GP, '/skeletons/in-bounding-box', regions.skeletonsInBoundingBox),
  pr(GP, '/connectors/in-bounding-box', regions.connectorsInBoundingBox),
  plain('/volumes/skeleton-innervations', regions.skeletonInnervations),
  pr(G, `/volumes/${ID}/intersect`, regions.volumeIntersect),
  plain('/graph/dps', graph.directedPathSkeletons),
  plain('/graph/directedpaths', graph.directedPaths),
  pr(P, '/graph/circlesofhell', graph.circlesOfHell),
  pr(GP, '/skeletons/origin', provenance.origin),
];

// Test-only skeleton edits for e2e (DEMO_TEST_EDITS=1; never routed by the dashboard proxy).
if (testEditsEnabled()) routes.push(pr(P, `/test-edits/skeletons/${ID}/drop-nodes`, dropNodes));

/** Fault suite: every fault on Search (annotations/query-targets); see fault-cases.ts. */
import { faultCases } from './fault-cases.ts';
import { searchView } from './views.ts';

faultCases(searchView);

/** Fault suite: every fault on Connectivity (skeletons/connectivity); see fault-cases.ts. */
import { faultCases } from './fault-cases.ts';
import { connectivityView } from './views.ts';

faultCases(connectivityView);

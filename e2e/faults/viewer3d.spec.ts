/** Fault suite: every fault on 3D (compact-detail; the app retries transient faults itself, so these are persistent); see fault-cases.ts. */
import { faultCases } from './fault-cases.ts';
import { viewer3dView } from './views.ts';

faultCases(viewer3dView);

/** Fault suite: every fault on adding ids in the selection panel (skeleton/neuronnames); see fault-cases.ts. */
import { faultCases } from './fault-cases.ts';
import { addIdsView } from './views.ts';

faultCases(addIdsView);

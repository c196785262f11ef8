/** Fault suite: every fault on Stats (stats/user-history, from the contributions form); see fault-cases.ts. */
import { faultCases } from './fault-cases.ts';
import { statsView } from './views.ts';

faultCases(statsView);

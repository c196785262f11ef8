import { useState } from 'react';
import { CatmaidLinkControl } from '../shared/CatmaidLinkControl.tsx';
import { useCatmaidLink, type CatmaidLinkTarget } from '../shared/use-catmaid-link.ts';

interface Props {
  target: CatmaidLinkTarget;
  skeletonId: number;
  name: string;
}

/**
 * A row's "Open in CATMAID" link, at the neuron's root. The root is asked for only when the user
 * reaches for the link (pointer, focus, click): a selection of 10,000 neurons sends no request
 * until then, and one per link used.
 */
export function SelectionLinkCell({ target, skeletonId, name }: Props) {
  const [wanted, setWanted] = useState(false);
  const state = useCatmaidLink(target, { skeletonId }, wanted);
  return (
    <CatmaidLinkControl
      state={state}
      label={`Open ${name} in CATMAID`}
      className="sel-icon-button"
      onWant={() => setWanted(true)}
      compact
    >
      ↗
    </CatmaidLinkControl>
  );
}

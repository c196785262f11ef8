/**
 * Mounts its children one task after itself, to split a mount too heavy for one main-thread
 * task (no task over 50 ms, issue 14): R3F mounted the 3D view's whole scene in one task, 30–39
 * ms of CPU (105–112 ms of wall time on a busy machine); its camera rig now comes a task later.
 */
import { useEffect, useState, type ReactNode } from 'react';

export function AfterATask({ children }: { children: ReactNode }) {
  const [due, setDue] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setDue(true), 0);
    return () => clearTimeout(id);
  }, []);
  return due ? children : null;
}

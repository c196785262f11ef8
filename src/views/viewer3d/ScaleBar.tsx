import { useEffect, useRef } from 'react';
import { niceScaleBar } from '../../3d/export/projector.ts';
import type { ViewerHandle } from '../../3d/scene/viewer-handle.ts';

/** Scale bar valid at the orbit target; updated on camera change without React renders. */
export function ScaleBar({ handle }: { handle: ViewerHandle }) {
  const bar = useRef<HTMLSpanElement>(null);
  const label = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const update = () => {
      const nmPerPx = handle.nmPerPixel();
      const nice = nmPerPx ? niceScaleBar(1 / nmPerPx, 120) : null;
      if (bar.current) bar.current.style.width = nice ? `${nice.px}px` : '0';
      if (label.current) label.current.textContent = nice ? nice.label : '';
    };
    update();
    return handle.onCamera(update);
  }, [handle]);
  return (
    <div className="viewer3d-scalebar" aria-label="Scale bar" role="img">
      <span ref={label} className="scalebar-label" />
      <span ref={bar} className="scalebar-bar" />
    </div>
  );
}

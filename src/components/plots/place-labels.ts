/**
 * Node labels without collisions, greedily: each label (in the order given, so put the important
 * nodes first) takes the first of a few positions around its node that stays inside the frame and
 * overlaps no node and no label placed before it; a label with no free position is hidden (its
 * node keeps the name as a hover title). Text width is estimated from the character count, as
 * the SVG is also exported without a browser to measure it.
 */
export interface LabelNode {
  id: number;
  x: number;
  y: number;
  r: number;
  text: string;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PlacedLabel {
  id: number;
  /** Text anchor point and alignment, as SVG <text> wants them. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
  visible: boolean;
}

export interface LabelOptions {
  fontSize?: number;
  /** Average glyph width as a fraction of the font size (Helvetica ≈ 0.55; a little more). */
  charWidth?: number;
}

export const overlaps = (a: Box, b: Box): boolean =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function labelWidth(text: string, o: LabelOptions = {}): number {
  const size = o.fontSize ?? 11;
  return text.length * size * (o.charWidth ?? 0.62);
}

export function placeLabels(
  nodes: readonly LabelNode[],
  width: number,
  height: number,
  o: LabelOptions = {},
): PlacedLabel[] {
  const size = o.fontSize ?? 11;
  const gap = 3;
  const circles: Box[] = nodes.map((n) => ({
    x0: n.x - n.r,
    y0: n.y - n.r,
    x1: n.x + n.r,
    y1: n.y + n.r,
  }));
  const placed: Box[] = [];
  return nodes.map((n) => {
    const w = labelWidth(n.text, o);
    const h = size + 2;
    // Baseline offsets put the text's box (h high) where each candidate says.
    const candidates: { x: number; y: number; anchor: PlacedLabel['anchor']; box: Box }[] = [];
    const add = (x0: number, y0: number, anchor: PlacedLabel['anchor']) => {
      const x = anchor === 'start' ? x0 : anchor === 'end' ? x0 + w : x0 + w / 2;
      candidates.push({ x, y: y0 + size - 1, anchor, box: { x0, y0, x1: x0 + w, y1: y0 + h } });
    };
    const right = n.x + n.r + gap;
    const left = n.x - n.r - gap - w;
    const mid = n.y - h / 2;
    add(right, mid, 'start');
    add(left, mid, 'end');
    add(n.x - w / 2, n.y - n.r - gap - h, 'middle');
    add(n.x - w / 2, n.y + n.r + gap, 'middle');
    for (const dy of [-h, h, -2 * h, 2 * h]) {
      add(right, mid + dy, 'start');
      add(left, mid + dy, 'end');
    }
    const inside = (b: Box) => b.x0 >= 0 && b.y0 >= 0 && b.x1 <= width && b.y1 <= height;
    const free = candidates.find(
      (c) =>
        inside(c.box) &&
        !placed.some((p) => overlaps(p, c.box)) &&
        !circles.some((b) => overlaps(b, c.box)),
    );
    if (!free) {
      const first = candidates[0];
      return {
        id: n.id,
        x: first?.x ?? n.x,
        y: first?.y ?? n.y,
        anchor: 'start',
        box: first?.box ?? { x0: n.x, y0: n.y, x1: n.x, y1: n.y },
        visible: false,
      };
    }
    placed.push(free.box);
    return { id: n.id, ...free, visible: true };
  });
}

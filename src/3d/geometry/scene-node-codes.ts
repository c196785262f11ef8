/**
 * The 4th line-vertex component ([slot, strahler|compartment, creator, code]) holds per-node
 * codes of whichever colour mode needs its own per-node data (creation time, review). Only the
 * active mode's writer writes there; switching modes clears the component and makes the new
 * mode's writer write all its codes again, so one mode never shows another's codes.
 */
import type { SceneModel } from './scene-model.ts';

export const NODE_CODE_COMPONENT = 3;

export interface NodeCodeWriter {
  /** Writes codes for skeletons that need them; true when any vertex changed. */
  apply(model: SceneModel): boolean;
  /** The vertices were cleared: everything must be written again. */
  forget(): void;
}

export class SceneNodeCodes {
  private active: string | null = null;

  constructor(private readonly writers: Readonly<Record<string, NodeCodeWriter>>) {}

  /** Applies the writer of `mode` (if it has one); true when any vertex changed. */
  apply(model: SceneModel, mode: string): boolean {
    const writer = this.writers[mode];
    let changed = false;
    if (mode !== this.active) {
      const had = this.active !== null && this.writers[this.active] !== undefined;
      this.active = mode;
      if (had) {
        for (const r of model.records) {
          const zero = new Uint16Array(r.lines.vertexCount);
          model.lines.setInfoComponent(r.lines, NODE_CODE_COMPONENT, zero);
        }
        changed = model.records.length > 0;
      }
      for (const w of Object.values(this.writers)) w.forget();
    }
    return (writer?.apply(model) ?? false) || changed;
  }
}

/** CATMAID's connector colours (pre red, post cyan) and the synapse-highlight yellow, as sRGB bytes. */
export const PRE_COLOUR: [number, number, number] = [230, 32, 32];
export const POST_COLOUR: [number, number, number] = [0, 200, 230];
export const OTHER_COLOUR: [number, number, number] = [150, 150, 150];
export const HIGHLIGHT_MARKER_COLOUR: [number, number, number] = [255, 221, 0];

/** Neurons shown only for context (a highlight's partner outside the selection), drawn dimmed. */
export const CONTEXT_COLOUR: [number, number, number] = [120, 124, 130];
export const CONTEXT_ALPHA = 0.4;

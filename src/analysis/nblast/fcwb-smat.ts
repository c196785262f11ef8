/**
 * The FCWB NBLAST scoring matrix (Costa et al. 2016, Neuron 91:293, "NBLAST: rapid, sensitive
 * comparison of neuronal structure and construction of neuron family databases"): log-odds of a
 * nearest-neighbour distance (µm) and |dot product| of tangents for matching vs random neuron
 * pairs, trained on FlyCircuit neurons in FCWB space. Published as `smat.fcwb` in nat.nblast
 * (github.com/natverse/nat.nblast, data/smat.fcwb.rda) and copied verbatim into navis
 * (navis/nbl/score_mats/fcwb.csv) and nGauge (ngauge/__maths__.py, load_default_smat).
 * Rows: distance bins (lower, upper] in µm; columns: |dot| bins (lower, upper].
 */
const FCWB_DIST_UPPER_UM: readonly number[] = [
  0.75, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 20, 25, 30, 40, 500,
];

const FCWB_DOT_UPPER: readonly number[] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/* prettier-ignore */
const FCWB_SCORES: readonly (readonly number[])[] = [
  [9.500096818, 9.215083357, 9.211150653, 8.7784602, 9.164807909, 9.226703049, 9.981771246, 9.987695406, 10.80477034, 11.38922975],
  [8.447755355, 9.046068319, 8.667958982, 8.620980802, 8.776274813, 8.991696789, 9.617999412, 9.493972245, 9.903896429, 10.55586004],
  [7.814143229, 8.275576335, 8.186606829, 8.237314279, 8.155985165, 8.449820935, 9.003032526, 8.779511491, 9.077598206, 9.727351671],
  [7.516167196, 7.681555246, 7.825236429, 7.79365903, 7.886876327, 8.031765025, 7.904194473, 7.891676679, 8.462178601, 9.356472385],
  [6.978314733, 6.94307802, 7.079217658, 7.049650785, 7.213062838, 6.938749021, 7.636968226, 7.400216229, 8.243724006, 8.805585249],
  [6.337198777, 6.510450375, 6.357374227, 6.730667645, 6.641335772, 6.684942997, 6.845211004, 6.965403404, 7.584209784, 8.309956403],
  [5.734997422, 5.776563856, 5.874881169, 6.078469213, 6.024177456, 5.936484828, 6.165189213, 6.300636628, 6.959851818, 7.873737324],
  [5.115815483, 5.021649496, 5.156574953, 5.104265236, 5.140931058, 5.108690757, 5.313504178, 5.32953037, 5.908950758, 6.513172334],
  [4.233994961, 4.157947722, 4.207281576, 4.154590177, 4.126860665, 4.073368024, 4.139708907, 4.300275653, 4.578050608, 5.16486935],
  [3.340269069, 3.305132487, 3.295987474, 3.26045244, 3.292369387, 3.178867136, 3.359775859, 3.354096549, 3.576372369, 3.975850334],
  [2.495160396, 2.52098425, 2.52305844, 2.469504149, 2.482755854, 2.495893622, 2.532479647, 2.478894493, 2.57140863, 3.033875753],
  [1.802393086, 1.781094655, 1.70675762, 1.775359089, 1.752898559, 1.751466981, 1.790826809, 1.714786956, 1.765916151, 2.111905427],
  [1.232040898, 1.249021758, 1.150560463, 1.153606462, 1.105376439, 1.090955764, 1.112113408, 1.073979959, 1.213295343, 1.362314481],
  [0.401029978, 0.405860319, 0.364813354, 0.445292762, 0.340571514, 0.3381995, 0.280082921, 0.257239082, 0.309758723, 0.460951328],
  [-0.232687427, -0.28491254, -0.336660961, -0.341205197, -0.403612584, -0.44962312, -0.41046464, -0.49492806, -0.486278922, -0.343856434],
  [-0.720642343, -0.737187894, -0.791598721, -0.913295681, -0.86587451, -0.92991461, -0.938060799, -0.94957494, -0.949001462, -0.892505829],
  [-1.207753675, -1.224291438, -1.232821022, -1.3177789, -1.33458514, -1.381696401, -1.399438894, -1.355855899, -1.366778332, -1.314132536],
  [-1.645904535, -1.672684781, -1.698075889, -1.756182812, -1.79136287, -1.878540375, -1.874187273, -1.919542562, -1.939410932, -1.937971322],
  [-2.517777195, -2.545349187, -2.539723488, -2.5457632, -2.606812735, -2.685946309, -2.663268872, -2.701847019, -2.781737863, -2.912276452],
  [-3.960090407, -4.031387597, -4.072118021, -4.147351353, -4.330029905, -4.420053362, -4.507915144, -4.794051466, -4.833212928, -5.085672535],
  [-9.921038172, -10.08763, -10.05543472, -10.10268204, -10.08682408, -9.912201864, -10.07995763, -9.951978816, -10.05360783, -10.12875887],
];

/** Index of the (lower, upper] bin holding v; below the first bound → 0, above the last → last. */
function binOf(upper: readonly number[], v: number): number {
  for (let i = 0; i < upper.length; i++) if (v <= (upper[i] ?? Infinity)) return i;
  return upper.length - 1;
}

/** Flattened lookup: fast in the scoring loop. */
export interface ScoreLookup {
  (distanceUm: number, absDot: number): number;
  /** The score of a perfect hit (distance 0, |dot| 1): what normalisation divides by. */
  selfHit: number;
}

/**
 * The same lookup without the linear bin scans, for the scoring loop (millions of calls per
 * matrix): a quarter-µm table gives the distance bin to start from (every FCWB bound is a multiple
 * of 0.25 µm) and the same `<=` comparisons as `binOf` settle it, so the bin is always the one
 * `binOf` picks. Beyond the last finite bound (40 µm) every distance is the last row.
 */
export function fcwbFastLookup(): ScoreLookup {
  const cols = FCWB_DOT_UPPER.length;
  const table = Float64Array.from(FCWB_SCORES.flat());
  const dist = FCWB_DIST_UPPER_UM;
  const lastRow = dist.length - 1;
  const farUm = dist[lastRow - 1] ?? 0;
  const start = Uint8Array.from({ length: farUm * 4 + 1 }, (_, k) => binOf(dist, k / 4));
  const dots = FCWB_DOT_UPPER;
  const fn = ((d: number, dot: number) => {
    let r = lastRow;
    if (d <= farUm) {
      r = start[Math.floor(d * 4)] ?? lastRow;
      while (d > (dist[r] ?? Infinity)) r++;
    }
    let c = cols - 1;
    if (dot <= 1) {
      c = Math.min(cols - 1, Math.max(0, Math.floor(dot * 10)));
      while (c > 0 && dot <= (dots[c - 1] ?? -Infinity)) c--;
      while (dot > (dots[c] ?? Infinity)) c++;
    }
    return table[r * cols + c] ?? 0;
  }) as ScoreLookup;
  fn.selfHit = fn(0, 1);
  return fn;
}

export function fcwbLookup(): ScoreLookup {
  const cols = FCWB_DOT_UPPER.length;
  const table = Float64Array.from(FCWB_SCORES.flat());
  const fn = ((d: number, dot: number) =>
    table[binOf(FCWB_DIST_UPPER_UM, d) * cols + binOf(FCWB_DOT_UPPER, dot)] ?? 0) as ScoreLookup;
  fn.selfHit = fn(0, 1);
  return fn;
}

/**
 * The best score a point can still get when its nearest neighbour is at least `minUm` away: the
 * largest cell of every distance row from that bin on. Bounds a whole score without searching.
 */
export function fcwbCeiling(): (minUm: number) => number {
  const rows = FCWB_SCORES.map((r) => Math.max(...r));
  const fromRow = rows.map((_, i) => Math.max(...rows.slice(i)));
  return (minUm) => fromRow[binOf(FCWB_DIST_UPPER_UM, minUm)] ?? Infinity;
}

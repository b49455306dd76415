// Fast SVG path strings for decimated points (linear or step-after, with NaN gaps), faster than d3-shape here.

/** A linear pixel mapping `px = k·v + b` (what a d3 linear scale does, without its per-call overhead). */
export interface Affine {
  k: number;
  b: number;
}

/** The affine map of a linear scale with this domain and range; a zero-width domain maps to the range start. */
export function affineOf(domain: readonly number[], range: readonly number[], into?: Affine): Affine {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 !== d0 ? (r1 - r0) / (d1 - d0) : 0;
  const out = into ?? { k: 0, b: 0 };
  out.k = k;
  out.b = r0 - k * d0;
  return out;
}

/**
 * Half-pixel coordinate text (one device pixel on 2× screens), built from integers: formatting fractional
 * floats dominated the cost (about 4× slower for 8 lines × 1,000 points).
 */
export function coord(v: number): string {
  let i = Math.round(v * 2);
  if (!(Math.abs(i) < 2 ** 30)) i = v > 0 ? 2 ** 30 : -(2 ** 30); // clamp NaN/huge values to a finite extreme
  const neg = i < 0;
  if (neg) i = -i;
  const w = i >> 1;
  const s = i & 1 ? `${w}.5` : `${w}`;
  return neg ? `-${s}` : s;
}

const r = coord;

/**
 * Path through the first `n` points; a NaN (or non-finite) y breaks the line. `step` draws step-after
 * (hold each value until the next sample's x). Returns '' when nothing is drawable.
 */
export function linePath(
  x: Float64Array,
  y: Float64Array,
  n: number,
  ax: Affine,
  ay: Affine,
  step: boolean,
): string {
  let d = '';
  let open = false;
  let prevY = '';
  for (let i = 0; i < n; i++) {
    const yv = y[i];
    if (!Number.isFinite(yv)) {
      open = false;
      continue;
    }
    const px = r(ax.k * x[i] + ax.b);
    const py = r(ay.k * yv + ay.b);
    if (!open) {
      d += `M${px},${py}`;
      open = true;
    } else if (step) {
      d += py === prevY ? `H${px}` : `H${px}V${py}`;
    } else {
      d += `L${px},${py}`;
    }
    prevY = py;
  }
  return d;
}

/** Closed area between the line through the first `n` points and the horizontal `basePx`, one shape per run. */
export function areaPath(
  x: Float64Array,
  y: Float64Array,
  n: number,
  ax: Affine,
  ay: Affine,
  step: boolean,
  basePx: number,
): string {
  let d = '';
  let open = false;
  let prevY = '';
  const base = r(basePx);
  for (let i = 0; i <= n; i++) {
    const yv = i < n ? y[i] : NaN;
    if (!Number.isFinite(yv)) {
      if (open) d += `V${base}Z`;
      open = false;
      continue;
    }
    const px = r(ax.k * x[i] + ax.b);
    const py = r(ay.k * yv + ay.b);
    if (!open) {
      d += `M${px},${base}V${py}`;
      open = true;
    } else if (step) {
      d += py === prevY ? `H${px}` : `H${px}V${py}`;
    } else {
      d += `L${px},${py}`;
    }
    prevY = py;
  }
  return d;
}

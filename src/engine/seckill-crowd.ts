// The flash-sale crowd: exactly `users` click times over the window, generated lazily in time order with O(1) memory.
import type { RandomStream } from './rng.ts';

export type CrowdProfile = 'spike' | 'uniform' | 'poisson';

/**
 * The `spike` density is a truncated exponential on [0, window]: f(t) ∝ exp(-t / τ) with
 * τ = window / SPIKE_DECAY_PER_WINDOW, so the opening instant is the busiest and the rate falls by a
 * factor e every τ. With 5 decays per window, 63% of the crowd clicks in the first fifth of the
 * window, 95% in the first 60%, and the rate at the end is e⁻⁵ ≈ 0.7% of the opening rate.
 */
export const SPIKE_DECAY_PER_WINDOW = 5;

/**
 * Click times of the crowd, one at a time, in increasing order.
 *
 * - `uniform` and `spike`: the sorted order statistics of `users` independent draws from the profile's
 *   distribution on [0, window]. They are produced sequentially, smallest first, without storing them:
 *   with g = 1 − U₍ₖ₎ (the gap left above the k-th smallest of n uniforms), the next one is
 *   g ← g · V^(1/(n−k)) for a fresh uniform V (the largest of n−k uniforms on [0, g] is g · V^(1/(n−k))
 *   measured from the top). Each uniform is then mapped through the profile's inverse CDF, which is
 *   increasing, so times stay sorted.
 * - `poisson`: a Poisson process at the constant rate users / window (exponential gaps), stopped after
 *   exactly `users` arrivals; the last arrival lands near the end of the window on average, but may fall
 *   a little before or after it.
 *
 * `next()` returns Infinity once the whole crowd has arrived.
 */
export class CrowdArrivals {
  private left: number;
  /** 1 − (the current sorted uniform), for `uniform` and `spike`. */
  private gap = 1;
  private lastSec = 0;
  private readonly tauSec: number;
  private readonly tailMass: number;
  private readonly ratePerSec: number;

  constructor(
    readonly users: number,
    readonly windowSec: number,
    readonly profile: CrowdProfile,
    private readonly rng: RandomStream,
  ) {
    this.left = users;
    this.tauSec = windowSec / SPIKE_DECAY_PER_WINDOW;
    this.tailMass = Math.exp(-SPIKE_DECAY_PER_WINDOW);
    this.ratePerSec = users / windowSec;
  }

  /** How many people have not clicked yet. */
  get remaining(): number {
    return this.left;
  }

  /** The next click time in seconds after the opening (non-decreasing), or Infinity when everyone has clicked. */
  next(): number {
    if (this.left <= 0) return Infinity;
    const v = 1 - this.rng.next(); // in (0, 1]
    let t: number;
    if (this.profile === 'poisson') {
      t = this.lastSec - Math.log(v) / this.ratePerSec;
    } else {
      this.gap *= Math.exp(Math.log(v) / this.left);
      if (this.profile === 'uniform') t = this.windowSec * (1 - this.gap);
      // Inverse CDF of the truncated exponential, written so that it stays accurate near both ends.
      else t = -this.tauSec * Math.log(this.tailMass + this.gap * (1 - this.tailMass));
      if (t < this.lastSec) t = this.lastSec; // rounding guard: never go back in time
    }
    this.left--;
    this.lastSec = t;
    return t;
  }
}

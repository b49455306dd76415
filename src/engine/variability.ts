// The three variability families of CONTRACT §1 (const, exp, uniform), each parametrised by a rate.
import type { RandomStream } from './rng.ts';

export type Variability = 'const' | 'exp' | 'uniform';

/**
 * A duration in seconds with mean 1/ratePerSec: `const` is exactly 1/r, `exp` is exponential,
 * `uniform` is uniform on [0, 2/r). Always draws one number (even for `const`), so a stream's later
 * draws do not depend on which family was chosen earlier.
 */
export function sampleDurationSec(kind: Variability, ratePerSec: number, rng: RandomStream): number {
  const u = rng.next();
  if (kind === 'exp') return -Math.log(1 - u) / ratePerSec;
  if (kind === 'uniform') return (2 * u) / ratePerSec;
  return 1 / ratePerSec;
}

// Deterministic message contents for the event log: the article's pair of numbers, derived from (seed, id).

/** A well-mixed 32-bit hash of two integers (murmur3 finaliser). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be59b, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The article's producer puts `(randint(0, 10), randint(90, 100))`. The numbers are a pure function of
 * the seed and the message id, so the log is reproducible without the engine storing any payload.
 */
export function productPair(seed: number, id: number): [number, number] {
  const h = mix(seed, id);
  return [h % 11, 90 + ((h >>> 8) % 11)];
}

// Seeded pseudo-random numbers: independent named streams (sfc32) derived from one seed; never Math.random.

/** 32-bit FNV-1a of a string, used to turn a stream name into seed material. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32 step: scrambles seed material into well-mixed 32-bit words. */
function splitmix32(state: number): [number, number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [s, z >>> 0];
}

const BLOCK = 64;

/**
 * One random stream (Chris Doty-Humphrey's sfc32: small, fast, passes PractRand to 2^40+ bytes).
 * `next()` returns a float in [0, 1) with 32 bits of resolution.
 */
export class RandomStream {
  /** sfc32 state a, b, c, d in an Int32Array: int32 arithmetic without boxing numbers on every draw. */
  private readonly s = new Int32Array(4);
  /**
   * Uniforms are drawn ahead in blocks: `next()` is then a tiny function the JIT inlines everywhere, so
   * hot paths get a double without a call (a non-inlined call returning a double allocates a box).
   * The sequence is exactly the generator's, in order.
   */
  private readonly block = new Float64Array(BLOCK);
  private used = BLOCK;

  constructor(seed: number, name: string) {
    let st = (seed >>> 0) ^ Math.imul(hashName(name), 0x27d4eb2f);
    for (let i = 0; i < 4; i++) {
      const [ns, w] = splitmix32(st);
      st = ns;
      this.s[i] = w;
    }
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const s = this.s;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    if (this.used === BLOCK) this.refill();
    return this.block[this.used++];
  }

  private refill(): void {
    for (let i = 0; i < BLOCK; i++) this.block[i] = this.nextUint32() / 4294967296;
    this.used = 0;
  }

  /** Integer uniform in [lo, hi], both inclusive (like Python's randint); draws one uniform. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
}

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

/**
 * One random stream (Chris Doty-Humphrey's sfc32: small, fast, passes PractRand to 2^40+ bytes).
 * `next()` returns a float in [0, 1) with 32 bits of resolution.
 */
export class RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, name: string) {
    let s = (seed >>> 0) ^ Math.imul(hashName(name), 0x27d4eb2f);
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [ns, w] = splitmix32(s);
      s = ns;
      words.push(w);
    }
    [this.a, this.b, this.c, this.d] = words as [number, number, number, number];
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Integer uniform in [lo, hi], both inclusive (like Python's randint). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
}

/** Hands out one stream per component name; the same (seed, name) always gives the same stream. */
export class RandomStreams {
  constructor(readonly seed: number) {}
  stream(name: string): RandomStream {
    return new RandomStream(this.seed, name);
  }
}

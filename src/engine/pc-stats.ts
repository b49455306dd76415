// Producer/consumer window statistics: time-weighted areas, window counters and latency sketches over (warmup, now].
import { QuantileSketch, RecentWindow } from './sketch.ts';
import type { PcSummary } from './pc-types.ts';

/**
 * Areas are integrated only at event times (the kernel's rule, so slicing never changes a sum); `stats()`
 * adds the constant tail from the last event up to now.
 */
export class PcWindowStats {
  lastSec = 0;
  areaWaiting = 0;
  areaBusy = 0;
  /** ∫ max(consumers, busy) dt: consumers that are retiring but still busy count as servers. */
  areaServers = 0;
  maxWaiting = 0;
  producedW = 0;
  consumedW = 0;
  droppedW = 0;
  readonly wait = new QuantileSketch();
  readonly sojourn = new QuantileSketch();
  readonly recentSojourn = new RecentWindow(256);

  accumulate(tSec: number, waiting: number, busy: number, consumers: number): void {
    const dt = tSec - this.lastSec;
    if (dt <= 0) return;
    this.areaWaiting += waiting * dt;
    this.areaBusy += busy * dt;
    this.areaServers += (busy > consumers ? busy : consumers) * dt;
    this.lastSec = tSec;
  }

  reset(waiting: number): void {
    this.areaWaiting = this.areaBusy = this.areaServers = 0;
    this.maxWaiting = waiting;
    this.producedW = this.consumedW = this.droppedW = 0;
    this.wait.reset();
    this.sojourn.reset();
  }

  stats(
    nowSec: number,
    warmupSec: number,
    waiting: number,
    busy: number,
    consumers: number,
  ): PcSummary['stats'] {
    const win = Math.max(0, nowSec - warmupSec);
    const tail = Math.max(0, nowSec - Math.max(this.lastSec, warmupSec));
    const servers = Math.max(consumers, busy);
    const per = (area: number, value: number) => (win > 0 ? (area + value * tail) / win : 0);
    const serverTime = per(this.areaServers, servers);
    return {
      throughput: win > 0 ? this.consumedW / win : 0,
      queueLength: { mean: per(this.areaWaiting, waiting), max: this.maxWaiting },
      inSystem: { mean: per(this.areaWaiting, waiting) + per(this.areaBusy, busy) },
      wait: this.wait.summary(),
      sojourn: this.sojourn.summary(),
      utilization: serverTime > 0 ? per(this.areaBusy, busy) / serverTime : 0,
      dropRate: this.producedW > 0 ? this.droppedW / this.producedW : 0,
    };
  }
}

// Benchmark: a 1,000,000-user flash sale (`s=seckill&users=1000000`) simulated headless until every async backlog drains.
import { createModel } from '../src/engine/create.ts';
import { SeckillModel } from '../src/engine/seckill-model.ts';
import { parseScenario } from '../src/scenarios/codec.ts';

export interface SeckillBench {
  users: number;
  events: number;
  wallMs: number;
  /** Simulated second at which the run ended (the last async step done, rounded up to 10 ms). */
  endSec: number;
  succeeded: number;
}

/** Runs the sale to the end and reports its size and the wall time of the simulation loop alone. */
export function benchSeckill(query = 's=seckill&users=1000000'): SeckillBench {
  const { scenario, problems } = parseScenario(query);
  if (problems.length > 0)
    throw new Error(`bad benchmark scenario: ${problems.map((p) => p.param).join(', ')}`);
  const model = createModel(scenario);
  if (!(model instanceof SeckillModel)) throw new Error('not a seckill scenario');
  const t0 = performance.now();
  const finished = model.runToEnd();
  const wallMs = performance.now() - t0;
  if (!finished) throw new Error('the sale did not finish');
  const s = model.summary();
  return { users: s.requests, events: s.events, wallMs, endSec: s.until, succeeded: s.succeeded };
}

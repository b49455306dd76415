// Builds the engine model for a scenario (plain data) and schedules its `at` changes.
import type { Scenario } from '../scenarios/codec.ts';
import { PcModel, pcParamsFrom } from './pc-model.ts';
import { SeckillModel, seckillParamsFrom } from './seckill-model.ts';
import { PubSubModel, pubsubParamsFrom } from './pubsub-model.ts';

export interface ModelOptions {
  warmupSec?: number;
  sampleIntervalSec?: number;
}

/** Every scenario model; each extends `Simulation` and has `summary()` (CONTRACT §2) and `view()`. */
export type AnyModel = PcModel | SeckillModel | PubSubModel;

export function createModel(sc: Scenario, opts: ModelOptions = {}): AnyModel {
  let model: AnyModel;
  switch (sc.s) {
    case 'pc':
      model = new PcModel(pcParamsFrom(sc.params), sc.seed, opts);
      break;
    case 'pubsub':
      model = new PubSubModel(pubsubParamsFrom(sc.params), sc.seed, opts);
      break;
    case 'seckill':
      model = new SeckillModel(seckillParamsFrom(sc.params), sc.seed, opts);
      break;
  }
  for (const c of sc.at) model.scheduleChange(c.atSec, c.name, c.value);
  return model;
}

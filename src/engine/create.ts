// Builds the engine model for a scenario (plain data) and schedules its `at` changes.
import type { Scenario } from '../scenarios/codec.ts';
import { PcModel, pcParamsFrom } from './pc-model.ts';

export interface ModelOptions {
  warmupSec?: number;
  sampleIntervalSec?: number;
}

export type AnyModel = PcModel;

export function createModel(sc: Scenario, opts: ModelOptions = {}): AnyModel {
  let model: AnyModel;
  switch (sc.s) {
    case 'pc':
      model = new PcModel(pcParamsFrom(sc.params), sc.seed, opts);
      break;
    default:
      throw new Error(`scenario ${sc.s} is not available yet`);
  }
  for (const c of sc.at) model.scheduleChange(c.atSec, c.name, c.value);
  return model;
}

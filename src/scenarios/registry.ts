// All scenario schemas by id.
import { pcSchema } from './pc.ts';
import { pubsubSchema } from './pubsub.ts';
import { seckillSchema } from './seckill.ts';
import type { ScenarioId, ScenarioSchema } from './schema.ts';

export const SCHEMAS: Readonly<Record<ScenarioId, ScenarioSchema>> = {
  pc: pcSchema,
  pubsub: pubsubSchema,
  seckill: seckillSchema,
};

export function findSchema(id: ScenarioId): ScenarioSchema {
  return SCHEMAS[id];
}

// Pub/sub presets: the article's ZeroMQ example and the situations that show PUB/SUB semantics.
import type { Preset } from './schema.ts';

export const pubsubPresets: readonly Preset[] = [];

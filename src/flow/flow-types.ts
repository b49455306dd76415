// What every scenario's flow-view renderer receives and must provide.
import type { Lang } from '../scenarios/schema.ts';
import type { Snapshot } from '../worker/protocol.ts';
import type { T } from '../ui/hooks.ts';

export interface FlowTheme {
  fg: string;
  muted: string;
  panel: string;
  grid: string;
  accent: string;
  good: string;
  bad: string;
  warn: string;
  bg: string;
}

export interface FlowFrame {
  ctx: CanvasRenderingContext2D;
  width: number;
  height: number;
  nowMs: number;
  theme: FlowTheme;
  t: T;
  lang: Lang;
  /** prefers-reduced-motion: draw state, no travelling dots. */
  reducedMotion: boolean;
  /** Base font size in CSS pixels, scaled to the view (readable on a projector). */
  fontPx: number;
}

export interface FlowRenderer {
  /** A new snapshot arrived at wall time `nowMs`: spawn dots for its trace, remember its view. */
  ingest(snap: Snapshot, nowMs: number, frame: Pick<FlowFrame, 'width' | 'height' | 'reducedMotion'>): void;
  /** Draws one frame; returns true while something is still animating. */
  draw(frame: FlowFrame): boolean;
}

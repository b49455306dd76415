// Flow view of the pub/sub scenario (publishers → broker → one queue per subscriber).
import type { Snapshot } from '../worker/protocol.ts';
import { label } from './draw-utils.ts';
import type { FlowFrame, FlowRenderer } from './flow-types.ts';

export class PubsubFlow implements FlowRenderer {
  private snap: Snapshot | null = null;
  ingest(snap: Snapshot): void {
    this.snap = snap;
  }
  draw(f: FlowFrame): boolean {
    if (this.snap) label(f.ctx, f.t('flowBroker'), f.width / 2, f.height / 2, f.fontPx, f.theme.fg);
    return false;
  }
}

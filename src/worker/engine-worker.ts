// The Web Worker entry: decodes commands, paces the Runner about once per animation frame, posts snapshots.
import { Runner } from './runner.ts';
import { transferablesOf, type Command, type Reply } from './protocol.ts';

const FRAME_MS = 16;

const scope = self as unknown as {
  postMessage(msg: Reply, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<Command>) => void) | null;
};

const runner = new Runner({
  post: (reply) => scope.postMessage(reply, transferablesOf(reply)),
  nowMs: () => performance.now(),
});

let timer: ReturnType<typeof setTimeout> | null = null;

function loop(): void {
  timer = null;
  const start = performance.now();
  runner.tick();
  if (runner.isRunning) timer = setTimeout(loop, Math.max(0, FRAME_MS - (performance.now() - start)));
}

scope.onmessage = (e) => {
  runner.handle(e.data);
  if (runner.isRunning && timer === null) timer = setTimeout(loop, 0);
};

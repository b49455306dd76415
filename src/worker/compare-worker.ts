// A small dedicated worker that runs the seckill scenario both sync and async to the end, off the main thread.
import { runCompare, type CompareReply, type CompareRequest } from './compare-run.ts';

const scope = self as unknown as {
  postMessage(msg: CompareReply): void;
  onmessage: ((e: MessageEvent<CompareRequest>) => void) | null;
};

scope.onmessage = (e) => {
  const { id, query } = e.data;
  try {
    scope.postMessage({ id, ok: true, result: runCompare(query, () => performance.now()) });
  } catch (err) {
    scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};

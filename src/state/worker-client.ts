// Owns the engine worker: starts it once, sends typed commands, hands every reply to one listener.
import type { Command, Reply } from '../worker/protocol.ts';

type Listener = (reply: Reply) => void;

let worker: Worker | null = null;
let listener: Listener = () => {};

function ensureWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../worker/engine-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<Reply>) => listener(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    listener({ type: 'error', message: e.message || 'the engine worker failed to start' });
  };
  worker.onmessageerror = () =>
    listener({ type: 'error', message: 'a message from the engine could not be read' });
  return worker;
}

export function sendCommand(cmd: Command): void {
  ensureWorker().postMessage(cmd);
}

export function onReply(l: Listener): void {
  listener = l;
}

// The app's one zustand store: the scenario (mirrored in the URL), run state, latest snapshot, log; actions included.
import { create } from 'zustand';
import { initialLang } from '../i18n/index.ts';
import {
  baseValues,
  defaultScenario,
  parseScenario,
  serializeScenario,
  valueAt,
  withChange,
  type Problem,
  type Scenario,
} from '../scenarios/codec.ts';
import { SEED_MAX } from '../scenarios/common.ts';
import { findSchema } from '../scenarios/registry.ts';
import type { Lang, ParamValue, ScenarioId } from '../scenarios/schema.ts';
import type { Reply, SeriesBatch, Snapshot } from '../worker/protocol.ts';
import { formatTrace, type LogTone } from './log-format.ts';
import { onReply, sendCommand } from './worker-client.ts';

export interface LogLine {
  id: number;
  timeSec: number;
  text: string;
  tone: LogTone;
}

/** Lines kept in the event log; lines added per snapshot before sampling kicks in. */
const LOG_KEEP = 120;
const LOG_PER_FRAME = 12;

export interface QsState {
  scenario: Scenario;
  problems: readonly Problem[];
  noticeOpen: boolean;
  lang: Lang;
  snapshot: Snapshot | null;
  series: SeriesBatch | null;
  latencies: Float64Array | null;
  log: readonly LogLine[];
  /** 1 when every event gets a line; k when one in k is shown. */
  logEvery: number;
  error: string | null;

  init(href: string, browserLangs: readonly string[]): void;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  setSpeed(speed: number | 'max'): void;
  setParam(name: string, value: ParamValue): void;
  setSeed(seed: number): void;
  newSeed(): void;
  choosePreset(id: string | null): void;
  chooseScenario(s: ScenarioId): void;
  setLang(lang: Lang): void;
  /** Pauses at a millisecond-exact time (the current one, rounded up) so a moment link matches the screen. */
  freezeMoment(): number;
  dismissNotice(): void;
}

let loadId = 0;
let logId = 0;

/** Snapshots received but not yet shown (applied to the store once per animation frame). */
interface Pending {
  loadId: number;
  snap: Snapshot;
  log: LogLine[];
  every: number;
  series: SeriesBatch | null;
  latencies: Float64Array | null;
}
let pending: Pending | null = null;
let frameRequested = false;
let lastFlushMs = -Infinity;
/** Shortest time between two updates of the React panels while running. */
const PANEL_MIN_INTERVAL_MS = 50;

type SnapshotListener = (snap: Snapshot) => void;
const snapshotListeners = new Set<SnapshotListener>();

/**
 * Calls `listener` with every snapshot as it arrives, before the once-per-frame store update: the flow view
 * animates every traced event this way, even of snapshots the store skips. Returns the unsubscribe function.
 */
export function onEverySnapshot(listener: SnapshotListener): () => void {
  snapshotListeners.add(listener);
  return () => snapshotListeners.delete(listener);
}

/** The values in effect at `timeSec`: the t = 0 values with every `at` change up to then applied. */
export function currentValues(sc: Scenario, timeSec: number): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const spec of findSchema(sc.s).params) out[spec.name] = valueAt(sc, spec.name, timeSec);
  return out;
}

/** The shareable URL of a scenario (the current page address with the canonical query). */
export function shareUrl(sc: Scenario, href = window.location.href): string {
  const u = new URL(href);
  u.search = `?${serializeScenario(sc)}`;
  u.hash = '';
  return u.toString();
}

export const useQs = create<QsState>()((set, get) => {
  /** Sends the scenario to the worker, paused at `untilSec`, and clears what belonged to the old run. */
  const load = (scenario: Scenario, untilSec = 0) => {
    loadId++;
    set({ scenario, snapshot: null, series: null, latencies: null, log: [], logEvery: 1, error: null });
    sendCommand({ type: 'speed', speed: scenario.speed });
    sendCommand({ type: 'load', query: serializeScenario(scenario), untilSec });
  };

  const receive = (reply: Reply) => {
    if (reply.type === 'error') {
      set({ error: reply.message });
      return;
    }
    if (reply.type === 'changed') {
      if (reply.loadId !== loadId) return;
      const sc = get().scenario;
      set({
        scenario: {
          ...sc,
          at: withChange(sc.at, { atSec: reply.atSec, name: reply.name, value: reply.value }),
        },
      });
      return;
    }
    const snap = reply.snapshot;
    if (snap.loadId !== loadId) return;
    for (const l of snapshotListeners) l(snap);
    const { scenario, lang } = get();
    const tr = snap.trace;
    const n = tr.kind.length;
    const every = Math.max(1, Math.ceil((n + tr.lost) / LOG_PER_FRAME));
    const added: LogLine[] = [];
    for (let i = n - 1; i >= 0 && added.length < LOG_PER_FRAME; i -= every) {
      const line = formatTrace(
        { timeSec: tr.timeSec[i], kind: tr.kind[i], msg: tr.msg[i], comp: tr.comp[i], extra: tr.extra[i] },
        scenario,
        lang,
      );
      if (line) added.push({ id: ++logId, timeSec: tr.timeSec[i], ...line });
    }
    added.reverse();
    // Snapshots can arrive faster than frames are drawn: gather them and update React once per frame.
    const p = pending ?? { loadId, snap, log: [], every: 0, series: null, latencies: null };
    p.snap = snap;
    p.log.push(...added);
    if (n > 0) p.every = Math.max(p.every, every);
    if (snap.series) p.series = snap.series;
    if (snap.latencies) p.latencies = snap.latencies;
    pending = p;
    if (!frameRequested) {
      frameRequested = true;
      requestAnimationFrame(flush);
    }
  };

  const flush = (nowMs: number) => {
    frameRequested = false;
    // While running, numbers, charts and the log change at most 20 times a second: readable, and cheap to
    // paint (the flow view animates every frame on its own). A pause or the end shows at once.
    if (pending?.snap.running && nowMs - lastFlushMs < PANEL_MIN_INTERVAL_MS) {
      frameRequested = true;
      requestAnimationFrame(flush);
      return;
    }
    lastFlushMs = nowMs;
    const p = pending;
    pending = null;
    if (!p || p.loadId !== loadId) return;
    const patch: Partial<QsState> = { snapshot: p.snap };
    if (p.log.length > 0) patch.log = [...get().log, ...p.log].slice(-LOG_KEEP);
    if (p.every > 0) patch.logEvery = p.every;
    if (p.series) patch.series = p.series;
    if (p.latencies) patch.latencies = p.latencies;
    set(patch);
  };

  return {
    scenario: defaultScenario('pc'),
    problems: [],
    noticeOpen: false,
    lang: 'en',
    snapshot: null,
    series: null,
    latencies: null,
    log: [],
    logEvery: 1,
    error: null,

    init(href, browserLangs) {
      onReply(receive);
      const { scenario, problems } = parseScenario(new URL(href).search);
      set({ problems, noticeOpen: problems.length > 0, lang: initialLang(scenario.lang, browserLangs) });
      load(scenario, scenario.t ?? 0);
    },

    play() {
      const sc = get().scenario;
      if (sc.t !== null) set({ scenario: { ...sc, t: null } }); // the address no longer names a frozen moment
      sendCommand({ type: 'play' });
    },
    pause() {
      sendCommand({ type: 'pause' });
    },
    step() {
      const sc = get().scenario;
      if (sc.t !== null) set({ scenario: { ...sc, t: null } });
      sendCommand({ type: 'step' });
    },
    reset() {
      const { scenario, snapshot } = get();
      const now = snapshot?.timeSec ?? 0;
      load({ ...scenario, params: currentValues(scenario, now), at: [], t: null });
    },
    setSpeed(speed) {
      set({ scenario: { ...get().scenario, speed } });
      sendCommand({ type: 'speed', speed });
    },
    setParam(name, value) {
      const { scenario, snapshot } = get();
      const fresh = !snapshot || (snapshot.timeSec === 0 && !snapshot.running);
      if (fresh) load({ ...scenario, params: { ...scenario.params, [name]: value }, t: null });
      else if (snapshot.finished)
        // Nothing more can happen in this run: start again from 0 with the values now in effect plus this one.
        load({
          ...scenario,
          params: { ...currentValues(scenario, snapshot.timeSec), [name]: value },
          at: [],
          t: null,
        });
      else sendCommand({ type: 'change', name, value });
    },
    setSeed(seed) {
      const s = Math.min(SEED_MAX, Math.max(0, Math.round(seed)));
      load({ ...get().scenario, seed: s, at: [], t: null });
    },
    newSeed() {
      const buf = new Uint32Array(1);
      crypto.getRandomValues(buf);
      get().setSeed(buf[0]);
    },
    choosePreset(id) {
      const sc = get().scenario;
      const schema = findSchema(sc.s);
      const speed = schema.presets.find((p) => p.id === id)?.speed ?? 1;
      load({ ...sc, preset: id, params: baseValues(schema, id), at: [], t: null, speed });
    },
    chooseScenario(s) {
      const sc = get().scenario;
      if (s === sc.s) return;
      load({ ...defaultScenario(s), seed: sc.seed, lang: sc.lang });
    },
    setLang(lang) {
      set({ lang, scenario: { ...get().scenario, lang } });
    },
    freezeMoment() {
      const snap = get().snapshot;
      const t = Math.ceil((snap?.timeSec ?? 0) * 1000 - 1e-6) / 1000;
      // The worker may already be past the last snapshot; seeking back rebuilds its model with the live changes.
      sendCommand({ type: 'seek', timeSec: t });
      // The page now shows that moment, so the address (and the share box) names it.
      set({ scenario: { ...get().scenario, t } });
      return t;
    },
    dismissNotice() {
      set({ noticeOpen: false });
    },
  };
});

/** Keeps the address bar equal to the scenario (replaceState), and follows back/forward. */
export function syncUrl(): () => void {
  let last = '';
  const write = (sc: Scenario) => {
    const q = `?${serializeScenario(sc)}`;
    if (q !== last && q !== window.location.search) window.history.replaceState(null, '', q);
    last = q;
  };
  write(useQs.getState().scenario);
  const unsub = useQs.subscribe((s, prev) => {
    if (s.scenario !== prev.scenario) write(s.scenario);
  });
  const onPop = () => useQs.getState().init(window.location.href, navigator.languages);
  window.addEventListener('popstate', onPop);
  return () => {
    unsub();
    window.removeEventListener('popstate', onPop);
  };
}

// Module-level selectors (habit 5).
export const selectScenario = (s: QsState) => s.scenario;
export const selectLang = (s: QsState) => s.lang;
export const selectSnapshot = (s: QsState) => s.snapshot;
export const selectRunning = (s: QsState) => s.snapshot?.running ?? false;
export const selectTime = (s: QsState) => s.snapshot?.timeSec ?? 0;
export const selectSeries = (s: QsState) => s.series;
export const selectLatencies = (s: QsState) => s.latencies;
export const selectLog = (s: QsState) => s.log;
export const selectSummary = (s: QsState) => s.snapshot?.summary ?? null;

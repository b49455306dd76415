// The animated flow view (Canvas 2D): picks the scenario's renderer, feeds it snapshots, draws on animation frames.
import { useEffect, useRef } from 'react';
import { translate } from '../i18n/index.ts';
import { onEverySnapshot, useQs } from '../state/store.ts';
import type { Snapshot } from '../worker/protocol.ts';
import type { ScenarioId } from '../scenarios/schema.ts';
import type { FlowRenderer, FlowTheme } from './flow-types.ts';
import { PcFlow } from './pc-flow.ts';
import { PubsubFlow } from './pubsub-flow.ts';
import { SeckillFlow } from './seckill-flow.ts';
import { useT } from '../ui/hooks.ts';

function rendererFor(s: ScenarioId): FlowRenderer {
  if (s === 'pubsub') return new PubsubFlow();
  if (s === 'seckill') return new SeckillFlow();
  return new PcFlow();
}

function readTheme(el: Element): FlowTheme {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', '#111827'),
    muted: v('--muted', '#6b7280'),
    panel: v('--panel', '#ffffff'),
    grid: v('--grid', '#d1d5db'),
    accent: v('--c1', '#2563eb'),
    good: v('--good', '#16a34a'),
    bad: v('--danger', '#dc2626'),
    warn: v('--warn', '#d97706'),
    bg: v('--bg', '#ffffff'),
  };
}

export function FlowView() {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  }, [t]);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    const motion = window.matchMedia('(prefers-reduced-motion: reduce)');
    const dark = window.matchMedia('(prefers-color-scheme: dark)');
    let theme = readTheme(el);
    let width = 0;
    let height = 0;
    let renderer: FlowRenderer | null = null;
    let rendererFor_: ScenarioId | null = null;
    let frame = 0;
    let dirty = true;

    const resize = () => {
      const r = el.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      width = r.width;
      height = r.height;
      el.width = Math.round(r.width * dpr);
      el.height = Math.round(r.height * dpr);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      dirty = true;
      schedule();
    };
    const draw = () => {
      frame = 0;
      if (!renderer) return;
      ctx.clearRect(0, 0, width, height);
      const { lang } = useQs.getState();
      const fontPx = Math.max(12, Math.min(22, Math.min(width / 48, height / 18)));
      const animating = renderer.draw({
        ctx,
        width,
        height,
        nowMs: performance.now(),
        theme,
        t: tRef.current ?? ((k) => translate(lang, k)),
        lang,
        reducedMotion: motion.matches,
        fontPx,
      });
      dirty = false;
      if (animating) schedule();
    };
    function schedule() {
      if (!frame) frame = requestAnimationFrame(draw);
    }
    const onSnapshot = (snapshot: Snapshot | null) => {
      if (!snapshot) return;
      if (!renderer || rendererFor_ !== snapshot.s) {
        renderer = rendererFor(snapshot.s);
        rendererFor_ = snapshot.s;
      }
      renderer.ingest(snapshot, performance.now(), { width, height, reducedMotion: motion.matches });
      dirty = true;
      schedule();
    };
    const onTheme = () => {
      theme = readTheme(el);
      schedule();
    };

    const ro = new ResizeObserver(resize);
    ro.observe(el);
    dark.addEventListener('change', onTheme);
    const unsubSnapshots = onEverySnapshot(onSnapshot);
    const unsub = useQs.subscribe((s, prev) => {
      if (s.lang !== prev.lang) schedule();
    });
    onSnapshot(useQs.getState().snapshot);
    if (dirty) schedule();
    return () => {
      ro.disconnect();
      dark.removeEventListener('change', onTheme);
      unsub();
      unsubSnapshots();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

  return (
    <section className="panel qs-flow" aria-labelledby="qs-flow-h">
      <h2 id="qs-flow-h">{t('flow')}</h2>
      <canvas ref={canvas} data-testid="flow-view" role="img" aria-label={t('flow')} />
    </section>
  );
}

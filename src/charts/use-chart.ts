// React hook that owns a D3 chart instance: create on mount, recreate on new options, update on data or size.
import { useLayoutEffect, useRef, useState } from 'react';
import type { ChartFactory, ChartInstance, ChartSize } from './types';

interface HookState<D, L> {
  inst: ChartInstance<D, L> | null;
  data: D | null;
  size: ChartSize | null;
  deps: readonly unknown[];
}

function redraw<D, L>(s: HookState<D, L>): void {
  if (s.inst && s.data !== null && s.size) s.inst.update(s.data, s.size);
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * Drives any `createXChart` factory from React. Returns a ref callback for the `<svg>`.
 * - The instance is created when the svg mounts and destroyed when it unmounts; a new `factory` or `options`
 *   identity recreates it (memoise options, e.g. on the language, so this happens only when meant).
 * - The svg's parent is watched with a ResizeObserver; the chart fills that box.
 * - `update(data, size)` runs when `data` (by identity), the size or any value in `deps` changes; nothing is
 *   drawn while `data` is null or before the first size is known.
 */
export function useChart<O, D, L = never>(
  factory: ChartFactory<O, D, L>,
  options: O,
  data: D | null,
  deps: readonly unknown[] = [],
): (svg: SVGSVGElement | null) => void {
  const [svg, setSvg] = useState<SVGSVGElement | null>(null);
  const state = useRef<HookState<D, L>>({ inst: null, data: null, size: null, deps: [] });

  useLayoutEffect(() => {
    if (!svg) return;
    const s = state.current;
    const inst = factory(svg, options);
    s.inst = inst;
    redraw(s);
    return () => {
      inst.destroy();
      if (s.inst === inst) s.inst = null;
    };
  }, [svg, factory, options]);

  useLayoutEffect(() => {
    const host = svg?.parentElement;
    if (!host) return;
    const s = state.current;
    const ro = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      const width = Math.round(box.width);
      const height = Math.round(box.height);
      if (s.size && s.size.width === width && s.size.height === height) return;
      s.size = { width, height };
      redraw(s);
    });
    ro.observe(host);
    return () => ro.disconnect();
  }, [svg]);

  // After every commit: redraw only if the data or the extra deps changed.
  useLayoutEffect(() => {
    const s = state.current;
    if (s.data === data && sameDeps(s.deps, deps)) return;
    s.data = data;
    s.deps = deps;
    redraw(s);
  });

  return setSvg;
}

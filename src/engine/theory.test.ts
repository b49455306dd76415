// Agreement with queueing theory on long runs: M/M/1, M/M/c (Erlang C), M/M/1/K and M/D/1 (Pollaczek-Khinchine).
import { describe, expect, it } from 'vitest';
import { createModel } from './create.ts';
import type { PcModel } from './pc-model.ts';
import { parseScenario } from '../scenarios/codec.ts';

function run(query: string, untilSec: number, warmupSec: number) {
  const { scenario, problems } = parseScenario(query);
  expect(problems).toEqual([]);
  const m = createModel(scenario, { warmupSec }) as PcModel;
  m.runUntil(untilSec);
  return m.summary();
}

function expectRel(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected) / expected).toBeLessThan(rel);
}

/** Erlang C: probability that an arrival waits in M/M/c with offered load a = λ/μ. */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - a / c);
  return last / (sum + last);
}

/*
 * Tolerances: the standard error of a time average over T seconds is about sqrt(σ²_asym / T); for
 * M/M/1 the asymptotic variance of the number in system is 2ρ(1+ρ)/((1-ρ)^4 μ) (Whitt 1989). Each
 * tolerance below is at least three standard errors for its run length, and the seeds are fixed, so
 * the tests are deterministic.
 */
describe('queueing theory', () => {
  it('M/M/1 at ρ = 0.9 (CONTRACT done-when): L = 9, sojourn p95 = ln(20)/(μ-λ) = 29.96 s', () => {
    // σ²_asym = 2·0.9·1.9/0.1^4 = 34,200 → standard error over 2e6 s ≈ 0.13 (1.5 %); tolerance 5 %.
    const s = run('s=pc&produce=0.9&consume=1&seed=3', 2_000_000, 5_000);
    expectRel(s.stats.inSystem.mean, 9, 0.05);
    expectRel(s.stats.sojourn.p95, Math.log(20) / 0.1, 0.05);
    expectRel(s.stats.sojourn.mean, 10, 0.05);
    expectRel(s.stats.utilization, 0.9, 0.01);
    expectRel(s.stats.throughput, 0.9, 0.01);
  });

  it('M/M/1 at ρ = 0.5: L = 1, Wq = 1 s, P(wait = 0) = 0.5', () => {
    // σ²_asym = 24 → standard error over 4e5 s ≈ 0.008 (0.8 %); tolerance 3 %.
    const s = run('s=pc&produce=0.5&consume=1&seed=11', 400_000, 1_000);
    expectRel(s.stats.inSystem.mean, 1, 0.03);
    expectRel(s.stats.wait.mean, 1, 0.03);
    expectRel(s.stats.queueLength.mean, 0.5, 0.04);
    expect(s.stats.wait.p50).toBe(0); // half the customers never wait, so the median wait is 0
  });

  it('M/M/c (Erlang C): c = 3, λ = 2.4, μ = 1', () => {
    const c = 3;
    const lambda = 2.4;
    const pWait = erlangC(c, lambda);
    const wq = pWait / (c - lambda);
    // Lq = λ Wq ≈ 2.59; relaxation is faster than M/M/1 at this load; tolerance 4 %.
    const s = run(`s=pc&produce=${lambda}&consumers=${c}&consume=1&seed=5`, 400_000, 1_000);
    expectRel(s.stats.wait.mean, wq, 0.04);
    expectRel(s.stats.queueLength.mean, lambda * wq, 0.04);
    expectRel(s.stats.utilization, lambda / c, 0.01);
  });

  it('M/M/1/K blocking: capacity 4 waiting (K = 5 in system), λ = 1, μ = 1.25', () => {
    const rho = 0.8;
    const K = 5;
    const pBlock = ((1 - rho) * Math.pow(rho, K)) / (1 - Math.pow(rho, K + 1));
    let L = 0;
    for (let n = 0; n <= K; n++) L += (n * (1 - rho) * Math.pow(rho, n)) / (1 - Math.pow(rho, K + 1));
    // ≈ 4e5 arrivals; the blocking fraction (≈ 0.088) has a standard error well under 1 % relative.
    const s = run('s=pc&produce=1&consume=1.25&capacity=4&overflow=drop-new&seed=2', 400_000, 1_000);
    expectRel(s.stats.dropRate, pBlock, 0.03);
    expectRel(s.stats.inSystem.mean, L, 0.02);
    expect(s.stats.queueLength.max).toBe(4);
  });

  it('M/D/1 (Pollaczek-Khinchine): ρ = 0.8 gives Wq = ρ/(2μ(1-ρ)) = 2 s', () => {
    // Deterministic service halves the M/M/1 wait; tolerance 4 % over 4e5 s.
    const s = run('s=pc&produce=0.8&consume=1&service=const&seed=4', 400_000, 1_000);
    expectRel(s.stats.wait.mean, 2, 0.04);
    expectRel(s.stats.queueLength.mean, 1.6, 0.04);
    expectRel(s.stats.sojourn.mean, 3, 0.03);
  });

  it('the article’s queue.Queue program builds a backlog of about 0.3 messages per second', () => {
    // Produced exactly 0.5/s; consumed 1 per 5 s on average (uniform 0–10 s, sd of the count over
    // 2000 s ≈ sqrt(2000·8.33/125) ≈ 11.5); backlog ≈ 600 ± 60 (five standard deviations).
    for (const seed of [1, 2, 3]) {
      const s = run(`s=pc&preset=python-queue&seed=${seed}`, 2000, 0);
      expect(s.produced).toBe(1000);
      expect(Math.abs(s.waiting - 600)).toBeLessThan(60);
      expect(s.dropped).toEqual({ overflow: 0, expired: 0 });
    }
  });
});

/**
 * `npm run bench:core`: how fast the clinical core derives profiles from realistic histories.
 * Prints figures (and ratios against a short-history baseline run in the same process); asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { buildProfile, type ProfileSourceEvent } from '@trialmatch/core';

let seq = 0;
const ev = (type: string, date: Date, data: Record<string, unknown>): ProfileSourceEvent => ({ eventId: `b${++seq}`, type, occurredAt: date.toISOString().slice(0, 10), data });
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);

/** A synthetic history: six lines (induction/ASCT/maintenance, then relapses), labs every 6 weeks, responses every 4-5 months (~300 events over ten years). */
function history(years: number, seed: number): ProfileSourceEvent[] {
  const start = new Date(Date.UTC(2014, 0, 1 + seed));
  const out: ProfileSourceEvent[] = [
    ev('demographics', start, { birthDate: '1954-05-05', sex: seed % 2 ? 'male' : 'female', weightKg: 70 }),
    ev('diagnosis', start, { isotype: { heavyChain: 'IgG', lightChain: 'kappa' } }),
    ev('cytogenetics', start, { abnormality: 't(4;14)', result: 'detected', percentCells: 30 }),
  ];
  const regimens = ['VRd', 'DRd', 'KPd', 'Isa-Kd', 'teclistamab', 'talquetamab'];
  const lineDays = Math.floor((years * 365) / regimens.length);
  regimens.forEach((r, i) => {
    const s = addDays(start, 30 + i * lineDays);
    const e = addDays(s, lineDays - 20);
    out.push(ev('medication', s, { drug: r, start: s.toISOString().slice(0, 10), end: e.toISOString().slice(0, 10), intent: i === 0 ? 'induction' : 'salvage' }));
    if (i === 0) {
      out.push(ev('procedure', addDays(s, 150), { kind: 'autologous-sct' }));
      out.push(ev('medication', addDays(s, 240), { drug: 'lenalidomide', start: addDays(s, 240).toISOString().slice(0, 10), end: e.toISOString().slice(0, 10), intent: 'maintenance' }));
    }
    out.push(ev('response-assessment', addDays(e, -5), { category: 'PD' }));
  });
  for (let m = 0; m < years * 8; m++) {
    const d = addDays(start, m * 45 + 10);
    const mp = 0.5 + 2 * Math.abs(Math.sin(m / 9));
    out.push(ev('lab', d, { code: '33358-3', value: Number(mp.toFixed(2)), unit: 'g/dL' }));
    out.push(ev('lab', d, { code: '36916-5', value: 40 + m, unit: 'mg/L' }));
    out.push(ev('lab', d, { code: '33944-0', value: 12, unit: 'mg/L' }));
    if (m % 3 === 0) out.push(ev('lab', d, { code: '2160-0', value: 90, unit: 'umol/L' }), ev('response-assessment', d, { category: m % 6 ? 'PR' : 'VGPR' }));
  }
  return out;
}

function measure(label: string, events: ProfileSourceEvent[], asOf: string, minMs = 1500): number {
  buildProfile(events, asOf); // warm-up
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    buildProfile(events, asOf);
    n++;
  }
  const perSecond = n / ((performance.now() - t0) / 1000);
  console.log(`${label.padEnd(46)} ${String(events.length).padStart(4)} events  ${perSecond.toFixed(0).padStart(7)} profiles/s  ${(1000 / perSecond).toFixed(3)} ms/profile`);
  return perSecond;
}

const asOf = '2024-06-01';
const baseline = measure('baseline: one year of history', history(1, 0), asOf);
const full = history(10, 1);
const tenYears = measure('ten years of history', full, asOf);
const plusOne = [...full, ev('lab', new Date(Date.UTC(2024, 4, 30)), { code: '718-7', value: 10.5, unit: 'g/dL' })];
const incremental = measure('ten years + one new event (full recompute)', plusOne, asOf);
const shuffled = [...full].sort(() => Math.random() - 0.5);
measure('ten years, events in random arrival order', shuffled, asOf);
console.log(`\nratio ten-year vs baseline cost: ${(baseline / tenYears).toFixed(2)}x`);
console.log(`incremental cost of one new event: ${(1000 / incremental).toFixed(3)} ms (the profile is recomputed from the whole history, by design: out-of-order events need it)`);

/** rev35 — lines of therapy: same-day substitution false positives, reason for change (domain.md §3). Scratch review file. */
import { med } from '../../testing/events';
import { buildProfile } from '../../patient/profile';

type Ev = Parameters<typeof buildProfile>[0][number];
const AS_OF = '2025-06-01';
const prof = (evs: Ev[]) => buildProfile(evs, AS_OF);
const nLines = (evs: Ev[]) => prof(evs).linesOfTherapy.lines.map((l) => `${l.number}@${l.start}`).join(",");

describe('rev35 lines', () => {
  it('L01 bortezomib recorded per cycle (cycle 1 ends the day cycle 2 starts), daratumumab added that day (staggered, day 20) → one line', () => {
    const evs = [
      med('lenalidomide', '2024-01-01', '2024-06-01'),
      med('dexamethasone', '2024-01-01', '2024-06-01'),
      med('bortezomib', '2024-01-01', '2024-01-20'),
      med('daratumumab', '2024-01-20', '2024-06-01'),
      med('bortezomib', '2024-01-20', '2024-06-01'),
    ];
    expect(nLines(evs)).toBe('1@2024-01-01');
  });
  it('L01b same, cycle-2 record listed first', () => {
    const evs = [
      med('lenalidomide', '2024-01-01', '2024-06-01'),
      med('dexamethasone', '2024-01-01', '2024-06-01'),
      med('bortezomib', '2024-01-01', '2024-01-20'),
      med('bortezomib', '2024-01-20', '2024-06-01'),
      med('daratumumab', '2024-01-20', '2024-06-01'),
    ];
    expect(nLines(evs)).toBe('1@2024-01-01');
  });
  it('L02 bortezomib per-dose records (start = end), last dose day 15; daratumumab begun day 15 with len-dex going on → one line (no agent stopped for good before it)', () => {
    const evs = [
      med('lenalidomide', '2024-01-01', '2024-06-01'),
      med('dexamethasone', '2024-01-01', '2024-06-01'),
      med('bortezomib', '2024-01-01', '2024-01-01'),
      med('bortezomib', '2024-01-08', '2024-01-08'),
      med('bortezomib', '2024-01-15', '2024-01-15'),
      med('daratumumab', '2024-01-15', '2024-06-01'),
      med('bortezomib', '2024-01-22', '2024-01-22'),
    ];
    expect(nLines(evs)).toBe('1@2024-01-01');
  });
});

/**
 * expo34 — hand-derived exposure / class / composite refractoriness cases (domain.md §1, §2, §8; docs/clinical-core.md;
 * docs/criteria-language.md), expectations written from the definitions and documented settings before reading the
 * implementation. Scratch review file; not committed.
 */
import { diagnosis, med, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const R = response;
const DX = diagnosis('2019-06-01', 'IgG', 'kappa');
const ASOF = '2025-06-01';

const out = (rule: unknown, p: P, asOf = ASOF) => compileRule(rule)({ profile: p, asOf, trace: null }).outcome;
const ex = (p: P, g: string) => !!p.drugs[g]?.exposed;
const exposedSet = (p: P, gs: string[]) => gs.map((g) => `${g}=${ex(p, g) ? 1 : 0}`).join(' ');

interface Case { id: string; clause: string; summary: string; events: Ev[]; asOf?: string; settings?: Partial<typeof DEFAULT_SETTINGS>; read: (p: P, asOf: string) => unknown; expected: unknown }
const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

// ---------------- names and regimen abbreviations (§8, §2) ----------------
const course = (drug: string, extra: Record<string, unknown> = {}) => [DX, med(drug, '2024-01-01', '2024-06-30', extra)];
const nameCase = (id: string, drug: string, gs: string[], expected: string, clause = '§8 regimen abbreviations') =>
  add({ id, clause, summary: drug, events: course(drug), read: (p) => exposedSet(p, gs), expected });
nameCase('N01', 'DRd', ['daratumumab', 'lenalidomide', 'dexamethasone', 'pomalidomide'], 'daratumumab=1 lenalidomide=1 dexamethasone=1 pomalidomide=0', '§8 D = daratumumab, d = dexamethasone');
nameCase('N02', 'DVd', ['daratumumab', 'bortezomib', 'dexamethasone'], 'daratumumab=1 bortezomib=1 dexamethasone=1', '§8 D = daratumumab (DVd)');
nameCase('N03', 'KRd', ['carfilzomib', 'lenalidomide', 'dexamethasone'], 'carfilzomib=1 lenalidomide=1 dexamethasone=1', '§8 K = carfilzomib');
nameCase('N04', 'Pd', ['pomalidomide', 'prednisone', 'dexamethasone'], 'pomalidomide=1 prednisone=0 dexamethasone=1', '§8 P = pomalidomide in Pd');
nameCase('N05', 'MP', ['melphalan', 'prednisone', 'pomalidomide'], 'melphalan=1 prednisone=1 pomalidomide=0', '§8 P = prednisone in MP');
nameCase('N06', 'VMP', ['bortezomib', 'melphalan', 'prednisone', 'pomalidomide'], 'bortezomib=1 melphalan=1 prednisone=1 pomalidomide=0', '§8 P = prednisone in VMP');
nameCase('N07', 'Isa-Pd', ['isatuximab', 'pomalidomide', 'prednisone', 'dexamethasone'], 'isatuximab=1 pomalidomide=1 prednisone=0 dexamethasone=1', '§8 I/Isa; P = pomalidomide');
nameCase('N08', 'Elo-Rd', ['elotuzumab', 'lenalidomide', 'daratumumab'], 'elotuzumab=1 lenalidomide=1 daratumumab=0', '§8 E/Elo');
nameCase('N09', 'EPd', ['elotuzumab', 'pomalidomide', 'etoposide', 'prednisone'], 'elotuzumab=1 pomalidomide=1 etoposide=0 prednisone=0', '§8 E = elotuzumab (EPd), P = pomalidomide');
nameCase('N10', 'Darzalex Faspro', ['daratumumab'], 'daratumumab=1', '§2 anti-CD38 = daratumumab IV or SC (brand)');
nameCase('N11', 'daratumumab and hyaluronidase-fihj', ['daratumumab'], 'daratumumab=1', '§2 daratumumab SC');
nameCase('N12', 'Revlimid', ['lenalidomide'], 'lenalidomide=1', 'brand names (drug catalog)');
nameCase('N13', 'Pomalyst', ['pomalidomide'], 'pomalidomide=1', 'brand names');
nameCase('N14', 'Imnovid', ['pomalidomide'], 'pomalidomide=1', 'brand names (EU)');
nameCase('N15', 'Kyprolis', ['carfilzomib'], 'carfilzomib=1', 'brand names');
nameCase('N16', 'Velcade', ['bortezomib'], 'bortezomib=1', 'brand names');
nameCase('N17', 'Ninlaro', ['ixazomib'], 'ixazomib=1', 'brand names');
nameCase('N18', 'Sarclisa', ['isatuximab'], 'isatuximab=1', 'brand names');
nameCase('N19', 'Thalomid', ['thalidomide'], 'thalidomide=1', 'brand names');
nameCase('N20', 'JNJ-54767414', ['daratumumab'], 'daratumumab=1', 'research codes');
nameCase('N21', 'SAR650984', ['isatuximab'], 'isatuximab=1', 'research codes');
nameCase('N22', 'CC-5013', ['lenalidomide'], 'lenalidomide=1', 'research codes');
nameCase('N23', 'CC-4047', ['pomalidomide'], 'pomalidomide=1', 'research codes');
nameCase('N24', 'PS-341', ['bortezomib'], 'bortezomib=1', 'research codes');
nameCase('N25', 'MLN9708', ['ixazomib'], 'ixazomib=1', 'research codes');
nameCase('N26', 'CC-220', ['iberdomide'], 'iberdomide=1', 'research codes (CELMoD)');
nameCase('N27', 'VTd', ['bortezomib', 'thalidomide', 'dexamethasone'], 'bortezomib=1 thalidomide=1 dexamethasone=1', '§8 T = thalidomide');
nameCase('N28', 'MPT', ['melphalan', 'prednisone', 'thalidomide', 'pomalidomide'], 'melphalan=1 prednisone=1 thalidomide=1 pomalidomide=0', '§8 P = prednisone in MPT');
nameCase('N29', 'D-VMP', ['daratumumab', 'bortezomib', 'melphalan', 'prednisone', 'pomalidomide'], 'daratumumab=1 bortezomib=1 melphalan=1 prednisone=1 pomalidomide=0', '§8 D-VMP');
nameCase('N30', 'DPd', ['daratumumab', 'pomalidomide', 'prednisone'], 'daratumumab=1 pomalidomide=1 prednisone=0', '§8 DPd');
nameCase('N31', 'Rd', ['lenalidomide', 'dexamethasone', 'daratumumab'], 'lenalidomide=1 dexamethasone=1 daratumumab=0', '§8 d = dexamethasone');
nameCase('N32', 'IRd', ['ixazomib', 'lenalidomide', 'isatuximab'], 'ixazomib=1 lenalidomide=1 isatuximab=0', 'reference: I/Ixa (IRd)');
nameCase('N33', 'Isa-Kd', ['isatuximab', 'carfilzomib', 'dexamethasone'], 'isatuximab=1 carfilzomib=1 dexamethasone=1', '§8 Isa, K');
nameCase('N34', 'DKd', ['daratumumab', 'carfilzomib', 'dexamethasone'], 'daratumumab=1 carfilzomib=1 dexamethasone=1', '§8 D, K, d');
nameCase('N35', 'D-VRd', ['daratumumab', 'bortezomib', 'lenalidomide'], 'daratumumab=1 bortezomib=1 lenalidomide=1', '§8 D-VRd');
nameCase('N36', 'Kd', ['carfilzomib', 'dexamethasone', 'daratumumab'], 'carfilzomib=1 dexamethasone=1 daratumumab=0', '§8 d = dexamethasone');
nameCase('N37', 'VD', ['bortezomib', 'daratumumab'], 'bortezomib=1 daratumumab=0', '§3 "VD induction" = bortezomib-dexamethasone (contestable vs §8 D)');
nameCase('N38', 'CC-92480', ['mezigdomide'], 'mezigdomide=1', 'research codes (CELMoD)');
add({ id: 'N39', clause: '§8 P: MP then Pd — pomalidomide first dose is the Pd start', summary: 'MP 2020, Pd 2024',
  events: [DX, med('MP', '2020-01-01', '2020-06-30'), med('Pd', '2024-01-01', '2024-06-30')], read: (p) => `${p.drugs.pomalidomide?.firstDose} ${p.drugs.prednisone?.lastDose}`, expected: '2024-01-01 2020-06-30' });

// ---------------- class membership (§2) ----------------
const cls = (id: string, drug: string, klass: string, expected: string, clause: string) =>
  add({ id, clause, summary: `${drug} → classExposed ${klass}`, events: course(drug), read: (p) => out({ fact: 'classExposed', class: klass }, p), expected });
cls('C01', 'thalidomide', 'IMID', 'MET', '§2 IMiD = thalidomide');
cls('C02', 'ixazomib', 'PI', 'MET', '§2 PI = ixazomib');
cls('C03', 'iberdomide', 'IMID', 'NOT_MET', '§2 CELMoDs not IMiD by default');
cls('C04', 'iberdomide', 'CELMOD', 'MET', '§2 CELMoD class');
cls('C05', 'isatuximab', 'ANTI_CD38', 'MET', '§2 anti-CD38 = isatuximab');
cls('C06', 'elotuzumab', 'ANTI_CD38', 'NOT_MET', '§2 elotuzumab is anti-SLAMF7, not anti-CD38');
cls('C07', 'Darzalex Faspro', 'ANTI_CD38', 'MET', '§2 anti-CD38 = daratumumab SC');
cls('C08', 'mezigdomide', 'IMID', 'NOT_MET', '§2 CELMoDs not IMiD by default');
cls('C09', 'Elo-Pd', 'IMID', 'MET', '§2 pomalidomide IMiD within Elo-Pd');

// ---------------- exposure thresholds (§2 Exposed; criteria-language exposure thresholds) ----------------
const CYC2 = (drug: string) => ({ fact: 'drugExposed', drug, minCycles: 2, consecutive: true });
add({ id: 'E01', clause: '§2 exposed default ≥1 dose', summary: 'one lenalidomide dose (start=end)', events: [DX, med('lenalidomide', '2024-03-01', '2024-03-01')], read: (p) => out({ fact: 'drugExposed', drug: 'lenalidomide' }, p), expected: 'MET' });
add({ id: 'E02', clause: '§2 ≥2 consecutive cycles (MagnetisMM-32)', summary: 'Rd one course cycles 2', events: [DX, med('Rd', '2024-01-01', '2024-02-25', { cycles: 2 })], read: (p) => out(CYC2('lenalidomide'), p), expected: 'MET' });
add({ id: 'E03', clause: '§2 ≥2 consecutive cycles', summary: 'Rd one ended course cycles 1', events: [DX, med('Rd', '2024-01-01', '2024-01-28', { cycles: 1 })], read: (p) => out(CYC2('lenalidomide'), p), expected: 'NOT_MET' });
add({ id: 'E04', clause: '§2 consecutive: per-cycle records back to back', summary: 'Rd c1 01-01..01-21, Rd c1 01-29..02-18', events: [DX, med('Rd', '2024-01-01', '2024-01-21', { cycles: 1 }), med('Rd', '2024-01-29', '2024-02-18', { cycles: 1 })], read: (p) => out(CYC2('lenalidomide'), p), expected: 'MET' });
add({ id: 'E05', clause: 'criteria-language: next course within grouping window (28) after last dose', summary: 'c1 ends 01-21, c1 starts 02-18 (28 d)', events: [DX, med('Rd', '2024-01-01', '2024-01-21', { cycles: 1 }), med('Rd', '2024-02-18', '2024-03-09', { cycles: 1 })], read: (p) => out(CYC2('lenalidomide'), p), expected: 'MET' });
add({ id: 'E06', clause: 'consecutive: 29 days after last dose breaks the run', summary: 'c1 ends 01-21, c1 starts 02-19 (29 d)', events: [DX, med('Rd', '2024-01-01', '2024-01-21', { cycles: 1 }), med('Rd', '2024-02-19', '2024-03-10', { cycles: 1 })], read: (p) => out(CYC2('lenalidomide'), p), expected: 'NOT_MET' });
add({ id: 'E07', clause: 'minCycles without consecutive: cycles in all courses', summary: 'as E06, not consecutive', events: [DX, med('Rd', '2024-01-01', '2024-01-21', { cycles: 1 }), med('Rd', '2024-02-19', '2024-03-10', { cycles: 1 })], read: (p) => out({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 2 }, p), expected: 'MET' });
add({ id: 'E08', clause: '1 cycle plus a dose with no cycle count: shortfall unknown', summary: 'Rd c1 01-01..01-21 + lenalidomide dose 01-29 (no cycles)', events: [DX, med('Rd', '2024-01-01', '2024-01-21', { cycles: 1 }), med('lenalidomide', '2024-01-29', '2024-01-29')], read: (p) => out(CYC2('lenalidomide'), p), expected: 'UNKNOWN' });
add({ id: 'E09', clause: 'course with no cycle count: cycles asked and none recorded → unknown', summary: 'Rd 6 months, no cycles', events: [DX, med('Rd', '2024-01-01', '2024-06-30')], read: (p) => out(CYC2('lenalidomide'), p), expected: 'UNKNOWN' });
add({ id: 'E10', clause: 'fewer recorded than asked while a course goes on → unknown', summary: 'Rd ongoing cycles 1', events: [DX, med('Rd', '2025-04-20', null, { cycles: 1 })], read: (p) => out(CYC2('lenalidomide'), p), expected: 'UNKNOWN' });
add({ id: 'E11', clause: 'cycles 3 ≥ 2', summary: 'Rd cycles 3 ended', events: [DX, med('Rd', '2024-01-01', '2024-03-24', { cycles: 3 })], read: (p) => `${out(CYC2('lenalidomide'), p)} ${out({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 4 }, p)}`, expected: 'MET NOT_MET' });
add({ id: 'E12', clause: 'class threshold: some drug of the class must reach it', summary: 'dara c1 then isatuximab c1 back to back', events: [DX, med('daratumumab', '2024-01-01', '2024-01-22', { cycles: 1 }), med('isatuximab', '2024-02-01', '2024-02-22', { cycles: 1 })], read: (p) => out({ fact: 'classExposed', class: 'ANTI_CD38', minCycles: 2, consecutive: true }, p), expected: 'NOT_MET' });
add({ id: 'E13', clause: 'clinical-core: a course within the dates of another counted once (larger count)', summary: 'DRd c2 + daratumumab c2 same dates', events: [DX, med('DRd', '2024-01-01', '2024-02-25', { cycles: 2 }), med('daratumumab', '2024-01-01', '2024-02-25', { cycles: 2 })], read: (p) => p.drugs.daratumumab?.cycles, expected: 2 });
add({ id: 'E14', clause: '§2 MagnetisMM-32: anti-CD38 and lenalidomide ≥2 consecutive cycles', summary: 'DRd cycles 2', events: [DX, med('DRd', '2024-01-01', '2024-02-25', { cycles: 2 })], read: (p) => out({ all: [{ fact: 'classExposed', class: 'ANTI_CD38', minCycles: 2, consecutive: true }, CYC2('lenalidomide')] }, p), expected: 'MET' });
add({ id: 'E15', clause: '§2 MagnetisMM-32', summary: 'DRd cycles 1 ended', events: [DX, med('DRd', '2024-01-01', '2024-01-28', { cycles: 1 })], read: (p) => out({ all: [{ fact: 'classExposed', class: 'ANTI_CD38', minCycles: 2, consecutive: true }, CYC2('lenalidomide')] }, p), expected: 'NOT_MET' });
add({ id: 'E16', clause: '§2 anti-CD38 SC counts toward cycles', summary: 'Darzalex Faspro cycles 2', events: [DX, med('Darzalex Faspro', '2024-01-01', '2024-02-25', { cycles: 2 })], read: (p) => out({ fact: 'classExposed', class: 'ANTI_CD38', minCycles: 2, consecutive: true }, p), expected: 'MET' });
const weekly = (n: number) => Array.from({ length: n }, (_, i) => med('daratumumab', `2024-01-${String(1 + 7 * i).padStart(2, '0')}`, `2024-01-${String(1 + 7 * i).padStart(2, '0')}`));
add({ id: 'E17', clause: 'minDays: weekly doses count their weeks (days 1..22 = 22)', summary: 'dara 01-01,08,15,22', events: [DX, ...weekly(4)], read: (p) => `${p.drugs.daratumumab?.durationDays} ${out({ fact: 'drugExposed', drug: 'daratumumab', minDays: 22 }, p)}`, expected: '22 MET' });
add({ id: 'E18', clause: 'minDays 23 just above', summary: 'dara 01-01,08,15,22', events: [DX, ...weekly(4)], read: (p) => out({ fact: 'drugExposed', drug: 'daratumumab', minDays: 23 }, p), expected: 'NOT_MET' });
add({ id: 'E19', clause: '§2 store exposure as {first_dose, last_dose, cycles}', summary: 'R c2 2023, R c3 2024', events: [DX, med('Rd', '2023-01-01', '2023-02-25', { cycles: 2 }), med('Rd', '2024-01-01', '2024-03-24', { cycles: 3 })], read: (p) => { const d = p.drugs.lenalidomide; return `${d?.firstDose} ${d?.lastDose} ${d?.cycles} ${d?.consecutiveCycles?.cycles}`; }, expected: '2023-01-01 2024-03-24 5 3' });
add({ id: 'E20', clause: 'ongoing course already at 2 cycles', summary: 'Rd ongoing cycles 2', events: [DX, med('Rd', '2025-03-01', null, { cycles: 2 })], read: (p) => out(CYC2('lenalidomide'), p), expected: 'MET' });
add({ id: 'E21', clause: 'run reaches 2 in one course; another course without count does not matter', summary: 'Rd c2 then lenalidomide course no cycles', events: [DX, med('Rd', '2024-01-01', '2024-02-25', { cycles: 2 }), med('lenalidomide', '2024-03-01', '2024-05-01')], read: (p) => out(CYC2('lenalidomide'), p), expected: 'MET' });
add({ id: 'E22', clause: 'three c1 records, second gap 29 d: run of 2 still', summary: 'c1, c1 (8 d), c1 (29 d)', events: [DX, med('Rd', '2024-01-01', '2024-01-21', { cycles: 1 }), med('Rd', '2024-01-29', '2024-02-18', { cycles: 1 }), med('Rd', '2024-03-18', '2024-04-07', { cycles: 1 })], read: (p) => `${p.drugs.lenalidomide?.consecutiveCycles?.cycles} ${out({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 3, consecutive: true }, p)}`, expected: '2 NOT_MET' });
add({ id: 'E23', clause: 'dara per-dose c1 records then lenalidomide: class cycles by drug', summary: 'DRd c1 + DRd c1 back to back', events: [DX, med('DRd', '2024-01-01', '2024-01-28', { cycles: 1 }), med('DRd', '2024-01-29', '2024-02-25', { cycles: 1 })], read: (p) => out({ all: [{ fact: 'classExposed', class: 'ANTI_CD38', minCycles: 2, consecutive: true }, CYC2('lenalidomide')] }, p), expected: 'MET' });

// ---------------- composite exposure flags (§2) ----------------
const flagCase = (id: string, clause: string, summary: string, regs: Array<[string, string, string]>, name: string, expected: string) =>
  add({ id, clause, summary, events: [DX, ...regs.map(([d, s, e]) => med(d, s, e))], read: (p) => `${out({ fact: 'flag', name }, p)} ${(p.flags as unknown as Record<string, boolean>)[name]}`, expected });
flagCase('F01', '§2 TCE', 'VRd, daratumumab', [['VRd', '2022-01-01', '2022-06-30'], ['daratumumab', '2023-01-01', '2023-06-30']], 'tripleClassExposed', 'MET true');
flagCase('F02', '§2 TCE needs anti-CD38', 'Rd, Vd', [['Rd', '2022-01-01', '2022-06-30'], ['Vd', '2023-01-01', '2023-06-30']], 'tripleClassExposed', 'NOT_MET false');
flagCase('F03', '§2 TCE via thalidomide and isatuximab', 'VTd, Isa-Kd', [['VTd', '2022-01-01', '2022-06-30'], ['Isa-Kd', '2023-01-01', '2023-06-30']], 'tripleClassExposed', 'MET true');
flagCase('F04', '§2 CELMoD not IMiD: TCE not met', 'iberdomide, Vd, daratumumab', [['iberdomide', '2022-01-01', '2022-06-30'], ['Vd', '2023-01-01', '2023-06-30'], ['daratumumab', '2024-01-01', '2024-06-30']], 'tripleClassExposed', 'NOT_MET false');
flagCase('F05', '§2 elotuzumab is not anti-CD38', 'Elo-Rd, Vd', [['Elo-Rd', '2022-01-01', '2022-06-30'], ['Vd', '2023-01-01', '2023-06-30']], 'tripleClassExposed', 'NOT_MET false');
flagCase('F06', '§2 penta-exposed', 'VRd, KPd, daratumumab', [['VRd', '2022-01-01', '2022-06-30'], ['KPd', '2023-01-01', '2023-06-30'], ['daratumumab', '2024-01-01', '2024-06-30']], 'pentaExposed', 'MET true');
flagCase('F07', '§2 penta-exposed needs carfilzomib (ixazomib not)', 'VRd, ixazomib, Pd, dara', [['VRd', '2022-01-01', '2022-06-30'], ['ixazomib', '2022-09-01', '2022-12-30'], ['Pd', '2023-01-01', '2023-06-30'], ['daratumumab', '2024-01-01', '2024-06-30']], 'pentaExposed', 'NOT_MET false');
flagCase('F08', '§2 penta-exposed needs pomalidomide (thalidomide not)', 'VTd, KRd, dara', [['VTd', '2022-01-01', '2022-06-30'], ['KRd', '2023-01-01', '2023-06-30'], ['daratumumab', '2024-01-01', '2024-06-30']], 'pentaExposed', 'NOT_MET false');
flagCase('F09', '§2 penta-exposed with isatuximab', 'VRd, Kd, Isa-Pd', [['VRd', '2022-01-01', '2022-06-30'], ['Kd', '2023-01-01', '2023-06-30'], ['Isa-Pd', '2024-01-01', '2024-06-30']], 'pentaExposed', 'MET true');
flagCase('F10', '§2 TCE with Darzalex Faspro', 'KRd, Darzalex Faspro', [['KRd', '2022-01-01', '2022-06-30'], ['Darzalex Faspro', '2023-01-01', '2023-06-30']], 'tripleClassExposed', 'MET true');
flagCase('F11', '§2 TCE: MP + Pd + dara? no PI', 'MP, Pd, daratumumab', [['MP', '2021-01-01', '2021-06-30'], ['Pd', '2022-01-01', '2022-06-30'], ['daratumumab', '2023-01-01', '2023-06-30']], 'tripleClassExposed', 'NOT_MET false');

// ---------------- refractoriness: composite (§1, §2) ----------------
// A line that progresses on therapy after responding: PR, PR, PD (reported), stopped for progression.
const onPD = (drug: string, start: string, pr1: string, pr2: string, pd: string, end: string): Ev[] =>
  [med(drug, start, end, { reasonStopped: 'progression' }), R(pr1, 'PR'), R(pr2, 'PR'), R(pd, 'PD')];
const VRD_PD = onPD('VRd', '2021-01-01', '2021-03-01', '2021-04-01', '2021-09-01', '2021-09-05');
const DPD_PD = onPD('DPd', '2021-09-20', '2021-12-01', '2022-01-01', '2022-05-01', '2022-05-05');
const KD_PD = onPD('Kd', '2022-05-20', '2022-08-01', '2022-09-01', '2023-01-10', '2023-01-15');
const ISAPD_PD = onPD('Isa-Pd', '2021-09-20', '2021-12-01', '2022-01-01', '2022-05-01', '2022-05-05');
const rf = (p: P, name: string) => out({ fact: 'flag', name }, p, '2023-03-01');
add({ id: 'F12', clause: '§2 double-refractory: PD on VRd', summary: 'VRd PR PR PD on', events: [DX, ...VRD_PD], asOf: '2021-10-15', read: (p, a) => `${out({ fact: 'flag', name: 'doubleRefractory' }, p, a)} ${p.flags.doubleRefractory}`, expected: 'MET true' });
add({ id: 'F13', clause: '§2 TCR via VRd then DPd; not penta (no carfilzomib)', summary: 'VRd PD on; DPd PD on', events: [DX, ...VRD_PD, ...DPD_PD], asOf: '2022-06-01', read: (p, a) => `${out({ fact: 'flag', name: 'tripleClassRefractory' }, p, a)} ${out({ fact: 'flag', name: 'pentaRefractory' }, p, a)}`, expected: 'MET NOT_MET' });
add({ id: 'F14', clause: '§2 penta-refractory (V, K, R, P, anti-CD38)', summary: 'VRd, DPd, Kd each PD on', events: [DX, ...VRD_PD, ...DPD_PD, ...KD_PD], asOf: '2023-03-01', read: (p) => `${rf(p, 'pentaRefractory')} ${p.flags.pentaRefractory}`, expected: 'MET true' });
add({ id: 'F15', clause: '§2 penta-refractory with isatuximab', summary: 'VRd, Isa-Pd, Kd each PD on', events: [DX, ...VRD_PD, ...ISAPD_PD, ...KD_PD], asOf: '2023-03-01', read: (p) => rf(p, 'pentaRefractory'), expected: 'MET' });
add({ id: 'F16', clause: '§2 quad (MAMMOTH) counts: anti-CD38 + 2 PIs + 1 IMiD; 2 IMiDs', summary: 'VRd, DPd, Kd each PD on', events: [DX, ...VRD_PD, ...DPD_PD, ...KD_PD], asOf: '2023-03-01',
  read: (p) => `${out({ all: [{ fact: 'classRefractory', class: 'ANTI_CD38' }, { fact: 'classRefractory', class: 'PI', minDrugs: 2 }, { fact: 'classRefractory', class: 'IMID' }] }, p, '2023-03-01')} ${out({ fact: 'classRefractory', class: 'IMID', minDrugs: 2 }, p, '2023-03-01')} ${out({ fact: 'classRefractory', class: 'PI', minDrugs: 3 }, p, '2023-03-01')}`, expected: 'MET MET NOT_MET' });
add({ id: 'F17', clause: '§2 thalidomide counts as IMiD for TCR', summary: 'VTd PD on; daratumumab PD on', events: [DX, ...onPD('VTd', '2021-01-01', '2021-03-01', '2021-04-01', '2021-09-01', '2021-09-05'), ...onPD('daratumumab', '2021-09-20', '2021-12-01', '2022-01-01', '2022-05-01', '2022-05-05')], asOf: '2022-06-01', read: (p, a) => out({ fact: 'flag', name: 'tripleClassRefractory' }, p, a), expected: 'MET' });
// Relapse off therapy > 60 days after the last dose, nothing in between: not refractory (§1 Relapsed).
add({ id: 'F18', clause: '§1 refractory: PD within 60 days (exactly 60)', summary: 'Vd ends 06-30, PR PR, PD 08-29', events: [DX, med('Vd', '2021-01-01', '2021-06-30', { reasonStopped: 'completed' }), R('2021-03-01', 'PR'), R('2021-05-01', 'PR'), R('2021-08-29', 'PD')], asOf: '2021-10-01', read: (p, a) => out({ fact: 'drugRefractory', drug: 'bortezomib' }, p, a), expected: 'MET' });
add({ id: 'F19', clause: '§1 PD at 61 days: relapsed, not refractory', summary: 'Vd ends 06-30, PR PR, PD 08-30', events: [DX, med('Vd', '2021-01-01', '2021-06-30', { reasonStopped: 'completed' }), R('2021-03-01', 'PR'), R('2021-05-01', 'PR'), R('2021-08-30', 'PD')], asOf: '2021-10-01', read: (p, a) => out({ fact: 'drugRefractory', drug: 'bortezomib' }, p, a), expected: 'NOT_MET' });
const VD_RELAPSE = [med('Vd', '2021-01-01', '2021-06-30', { reasonStopped: 'completed' }), R('2021-03-01', 'PR'), R('2021-05-01', 'PR'), R('2021-12-01', 'PD')];
add({ id: 'F20', clause: '§2 double-refractory needs PI refractory', summary: 'Vd relapse off therapy; Rd PD on', events: [DX, ...VD_RELAPSE, ...onPD('Rd', '2021-12-20', '2022-03-01', '2022-04-01', '2022-09-01', '2022-09-05')], asOf: '2022-10-01', read: (p, a) => `${out({ fact: 'flag', name: 'doubleRefractory' }, p, a)} ${p.flags.doubleRefractory} ${out({ fact: 'classRefractory', class: 'IMID' }, p, a)}`, expected: 'NOT_MET false MET' });
add({ id: 'F21', clause: '§2 IMiD minDrugs 2: pomalidomide known not refractory', summary: 'VRd PD on; Pd PR PR completed; relapse 6 mo later; DKd PD on', events: [DX, ...VRD_PD, med('Pd', '2021-09-20', '2022-03-20', { reasonStopped: 'completed' }), R('2021-12-01', 'PR'), R('2022-01-01', 'PR'), R('2022-03-15', 'PR'), R('2022-09-20', 'PD'), ...onPD('DKd', '2022-10-10', '2022-12-01', '2023-01-01', '2023-05-01', '2023-05-05')], asOf: '2023-06-01',
  read: (p, a) => `${out({ fact: 'classRefractory', class: 'IMID', minDrugs: 2 }, p, a)} ${out({ fact: 'flag', name: 'pentaRefractory' }, p, a)} ${out({ fact: 'flag', name: 'tripleClassRefractory' }, p, a)}`, expected: 'NOT_MET NOT_MET MET' });
add({ id: 'F22', clause: '§2 TCR not met when the anti-CD38 is known not refractory', summary: 'VRd PD on; dara PR PR completed; relapse 6 mo later', events: [DX, ...VRD_PD, med('daratumumab', '2021-09-20', '2022-03-20', { reasonStopped: 'completed' }), R('2021-12-01', 'PR'), R('2022-01-01', 'PR'), R('2022-03-15', 'PR'), R('2022-09-20', 'PD')], asOf: '2022-10-01',
  read: (p, a) => `${out({ fact: 'flag', name: 'tripleClassRefractory' }, p, a)} ${out({ fact: 'flag', name: 'tripleClassExposed' }, p, a)}`, expected: 'NOT_MET MET' });

// ---------------- three-valued when history is incomplete ----------------
add({ id: 'U01', clause: 'criteria-language: refractory unknown when exposed but no response data', summary: 'Rd, no assessments', events: [DX, med('Rd', '2024-01-01', '2024-06-30')], read: (p) => out({ fact: 'drugRefractory', drug: 'lenalidomide' }, p), expected: 'UNKNOWN' });
const DARA_UNASSESSED = [DX, ...VRD_PD, med('daratumumab', '2021-09-20', null)];
add({ id: 'U02', clause: 'flags unknown, not false, when exposure there but no response recorded', summary: 'VRd PD on; daratumumab ongoing, no assessment', events: DARA_UNASSESSED, asOf: '2022-03-01', read: (p, a) => out({ fact: 'flag', name: 'tripleClassRefractory' }, p, a), expected: 'UNKNOWN' });
add({ id: 'U03', clause: 'class refractoriness unknown with no response data', summary: 'as U02', events: DARA_UNASSESSED, asOf: '2022-03-01', read: (p, a) => `${out({ fact: 'classRefractory', class: 'ANTI_CD38' }, p, a)} ${out({ fact: 'flag', name: 'doubleRefractory' }, p, a)}`, expected: 'UNKNOWN MET' });
add({ id: 'U04', clause: 'penta-refractory unknown while the anti-CD38 may be refractory', summary: 'VRd PD on; KPd PD on; daratumumab ongoing unassessed', events: [DX, ...VRD_PD, ...onPD('KPd', '2021-09-20', '2021-12-01', '2022-01-01', '2022-05-01', '2022-05-05'), med('daratumumab', '2022-05-20', null)], asOf: '2022-10-01', read: (p, a) => `${out({ fact: 'flag', name: 'pentaRefractory' }, p, a)} ${out({ fact: 'classRefractory', class: 'PI', minDrugs: 2 }, p, a)}`, expected: 'UNKNOWN MET' });
add({ id: 'U05', clause: 'classExposed of a targeted class unknown beside an unread medication naming its target', summary: 'VRd + "investigational anti-CD38 antibody"', events: [DX, med('VRd', '2022-01-01', '2022-06-30'), med('investigational anti-CD38 antibody', '2023-01-01', '2023-06-30')], read: (p) => out({ fact: 'classExposed', class: 'ANTI_CD38' }, p), expected: 'UNKNOWN' });
add({ id: 'U06', clause: '§2 TCE three-valued (history incomplete: anti-CD38 may have been given)', summary: 'as U05, TCE flag', events: [DX, med('VRd', '2022-01-01', '2022-06-30'), med('investigational anti-CD38 antibody', '2023-01-01', '2023-06-30')], read: (p) => out({ fact: 'flag', name: 'tripleClassExposed' }, p), expected: 'UNKNOWN' });
add({ id: 'U07', clause: 'regimen text only (V-R-D, reported): PI exposure not known', summary: '"V-R-D" only', events: [DX, med('V-R-D', '2022-01-01', '2022-06-30')], read: (p) => out({ fact: 'classExposed', class: 'PI' }, p), expected: 'UNKNOWN' });
add({ id: 'U08', clause: 'course with no drugs named ("chemotherapy"): IMiD exposure not known', summary: '"chemotherapy" only', events: [DX, med('chemotherapy', '2022-01-01', '2022-06-30')], read: (p) => out({ fact: 'classExposed', class: 'IMID' }, p), expected: 'UNKNOWN' });
add({ id: 'U09', clause: 'no history → unknown', summary: 'diagnosis only', events: [DX], read: (p) => `${out({ fact: 'drugExposed', drug: 'lenalidomide' }, p)} ${out({ fact: 'flag', name: 'tripleClassExposed' }, p)}`, expected: 'UNKNOWN UNKNOWN' });
add({ id: 'U10', clause: 'double-refractory not met with no PI ever (IMiD refractory)', summary: 'Rd PD on only', events: [DX, ...onPD('Rd', '2021-01-01', '2021-03-01', '2021-04-01', '2021-09-01', '2021-09-05')], asOf: '2021-10-15', read: (p, a) => out({ fact: 'flag', name: 'doubleRefractory' }, p, a), expected: 'NOT_MET' });
add({ id: 'U11', clause: 'minCycles on a carried regimen in lastLine: unknown (docs)', summary: 'Rd c6 (line 1) then dara added (D-Rd line)', events: [DX, med('Rd', '2023-01-01', null, { cycles: 6 }), med('daratumumab', '2023-08-01', null, { cycles: 3 })], read: (p) => out({ fact: 'drugExposed', drug: 'lenalidomide', scope: 'lastLine', minCycles: 2 }, p), expected: 'UNKNOWN' });

// ---------------- minimum exposure before refractoriness (§1 MAMMOTH ≥4 weeks anti-CD38) ----------------
const M28 = { minExposureDaysForRefractoriness: 28 };
const daraDoses = (days: string[]) => days.map((d) => med('daratumumab', d, d));
const PD_AFTER = [R('2024-02-20', 'PD')];
add({ id: 'M01', clause: '§1 min exposure 28: 4 weekly doses = 22 days (docs) → not refractory', summary: 'dara 01-01..01-22, PD 02-20', settings: M28, events: [DX, ...daraDoses(['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22']), ...PD_AFTER], asOf: '2024-03-01', read: (p, a) => out({ fact: 'drugRefractory', drug: 'daratumumab' }, p, a), expected: 'NOT_MET' });
add({ id: 'M02', clause: '§1 default min exposure 0 → refractory', summary: 'as M01 default settings', events: [DX, ...daraDoses(['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22']), ...PD_AFTER], asOf: '2024-03-01', read: (p, a) => out({ fact: 'drugRefractory', drug: 'daratumumab' }, p, a), expected: 'MET' });
add({ id: 'M03', clause: '§1 min exposure 28: first to last exactly 28 days (both counted) → refractory', summary: 'dara 01-01..01-28 single course, PD 02-20', settings: M28, events: [DX, med('daratumumab', '2024-01-01', '2024-01-28'), ...PD_AFTER], asOf: '2024-03-01', read: (p, a) => out({ fact: 'drugRefractory', drug: 'daratumumab' }, p, a), expected: 'MET' });
add({ id: 'M04', clause: '§1 min exposure 28: 27 days → not refractory', summary: 'dara 01-01..01-27, PD 02-20', settings: M28, events: [DX, med('daratumumab', '2024-01-01', '2024-01-27'), ...PD_AFTER], asOf: '2024-03-01', read: (p, a) => out({ fact: 'drugRefractory', drug: 'daratumumab' }, p, a), expected: 'NOT_MET' });
add({ id: 'M05', clause: 'minExposureClasses [ANTI_CD38]: lenalidomide unaffected', summary: 'lenalidomide 01-01..01-21, PD 02-20', settings: M28, events: [DX, med('lenalidomide', '2024-01-01', '2024-01-21'), ...PD_AFTER], asOf: '2024-03-01', read: (p, a) => out({ fact: 'drugRefractory', drug: 'lenalidomide' }, p, a), expected: 'MET' });
add({ id: 'M06', clause: '§1 min exposure 28 applies to isatuximab (anti-CD38)', summary: 'isatuximab 01-01..01-22, PD 02-20', settings: M28, events: [DX, med('isatuximab', '2024-01-01', '2024-01-22'), ...PD_AFTER], asOf: '2024-03-01', read: (p, a) => out({ fact: 'drugRefractory', drug: 'isatuximab' }, p, a), expected: 'NOT_MET' });
add({ id: 'M07', clause: '§1 TCR with min exposure: short dara course does not make TCR', summary: 'VRd PD on; dara 22 days then PD', settings: M28, events: [DX, ...VRD_PD, ...daraDoses(['2021-09-20', '2021-09-27', '2021-10-04', '2021-10-11']), R('2021-11-20', 'PD')], asOf: '2021-12-01', read: (p, a) => out({ fact: 'flag', name: 'tripleClassRefractory' }, p, a), expected: 'NOT_MET' });

// ---------------- nonresponse (§1 Nonresponsive: failure to achieve MR) ----------------
add({ id: 'R01', clause: '§1 nonresponsive: SD only on daratumumab ≥56 days (setting) → refractory', summary: 'dara ongoing from 2024-01-01, SD 03-01, SD 04-01', events: [DX, med('daratumumab', '2024-01-01', null), R('2024-03-01', 'SD'), R('2024-04-01', 'SD')], asOf: '2024-05-01', read: (p, a) => out({ fact: 'drugRefractory', drug: 'daratumumab' }, p, a), expected: 'MET' });
add({ id: 'R02', clause: '§1 nonresponsive with progressionOnly → not (no progression)', summary: 'as R01, progressionOnly', events: [DX, med('daratumumab', '2024-01-01', null), R('2024-03-01', 'SD'), R('2024-04-01', 'SD')], asOf: '2024-05-01', read: (p, a) => out({ fact: 'drugRefractory', drug: 'daratumumab', progressionOnly: true }, p, a), expected: 'NOT_MET' });
add({ id: 'R03', clause: '§1 MR is a response: MR confirmed on therapy → not refractory', summary: 'dara ongoing, MR 03-01, MR 04-01', events: [DX, med('daratumumab', '2024-01-01', null), R('2024-03-01', 'MR'), R('2024-04-01', 'MR')], asOf: '2024-05-01', read: (p, a) => out({ fact: 'drugRefractory', drug: 'daratumumab' }, p, a), expected: 'NOT_MET' });
add({ id: 'R04', clause: '§1 PD on therapy after MR → refractory, class too', summary: 'Isa-Pd: MR, MR, PD on', events: [DX, med('Isa-Pd', '2024-01-01', null), R('2024-03-01', 'MR'), R('2024-04-01', 'MR'), R('2024-06-01', 'PD')], asOf: '2024-07-01', read: (p, a) => `${out({ fact: 'classRefractory', class: 'ANTI_CD38' }, p, a)} ${out({ fact: 'classRefractory', class: 'IMID' }, p, a)} ${out({ fact: 'drugRefractory', drug: 'pomalidomide', progressionOnly: true }, p, a)}`, expected: 'MET MET MET' });
add({ id: 'R05', clause: '§2 CELMoD refractory does not make IMiD refractory', summary: 'iberdomide-dex PD on; Vd PD on', events: [DX, ...onPD('Vd', '2021-01-01', '2021-03-01', '2021-04-01', '2021-09-01', '2021-09-05'), ...onPD('iberdomide', '2021-09-20', '2021-12-01', '2022-01-01', '2022-05-01', '2022-05-05')], asOf: '2022-06-01', read: (p, a) => `${out({ fact: 'classRefractory', class: 'CELMOD' }, p, a)} ${out({ fact: 'classRefractory', class: 'IMID' }, p, a)} ${out({ fact: 'flag', name: 'doubleRefractory' }, p, a)}`, expected: 'MET NOT_MET NOT_MET' });
add({ id: 'R06', clause: '§8 Pd refractoriness is pomalidomide, not prednisone', summary: 'Pd PD on', events: [DX, ...onPD('Pd', '2021-01-01', '2021-03-01', '2021-04-01', '2021-09-01', '2021-09-05')], asOf: '2021-10-01', read: (p, a) => `${out({ fact: 'drugRefractory', drug: 'pomalidomide' }, p, a)} ${!!p.drugs.prednisone?.exposed}`, expected: 'MET false' });
add({ id: 'R07', clause: '§8 VMP refractoriness: no IMiD', summary: 'VMP PD on', events: [DX, ...onPD('VMP', '2021-01-01', '2021-03-01', '2021-04-01', '2021-09-01', '2021-09-05')], asOf: '2021-10-01', read: (p, a) => `${out({ fact: 'classRefractory', class: 'PI' }, p, a)} ${out({ fact: 'classRefractory', class: 'IMID' }, p, a)}`, expected: 'MET NOT_MET' });

// ---------------- added after the first run (still written from the docs before reading code) ----------------
add({ id: 'E24', clause: 'consecutive across records of one drug (regimen record then single-agent record)', summary: 'DRd c1 01-01..01-28, daratumumab c1 02-05..03-03', events: [DX, med('DRd', '2024-01-01', '2024-01-28', { cycles: 1 }), med('daratumumab', '2024-02-05', '2024-03-03', { cycles: 1 })], read: (p) => out({ fact: 'drugExposed', drug: 'daratumumab', minCycles: 2, consecutive: true }, p), expected: 'MET' });
add({ id: 'E25', clause: 'clinical-core v14: a course within the dates of another counted once, larger count', summary: 'Rd c2 01-01..02-25 + lenalidomide c1 01-01..01-21', events: [DX, med('Rd', '2024-01-01', '2024-02-25', { cycles: 2 }), med('lenalidomide', '2024-01-01', '2024-01-21', { cycles: 1 })], read: (p) => `${p.drugs.lenalidomide?.cycles} ${out({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 3 }, p)}`, expected: '2 NOT_MET' });
add({ id: 'E26', clause: 'ongoing exposure not yet long enough is dated (minDays 28, day 1 = start)', summary: 'dara from 2025-05-20 ongoing; asOf 06-01', events: [DX, med('daratumumab', '2025-05-20', null)], read: (p) => { const r = compileRule({ fact: 'drugExposed', drug: 'daratumumab', minDays: 28 })({ profile: p, asOf: ASOF, trace: null }); return `${r.outcome} ${r.flipsOn} ${r.flipsTo}`; }, expected: 'NOT_MET 2025-06-16 MET' });
add({ id: 'E27', clause: '§2 thalidomide reaches IMiD minCycles', summary: 'VTd cycles 2', events: [DX, med('VTd', '2024-01-01', '2024-02-25', { cycles: 2 })], read: (p) => out({ fact: 'classExposed', class: 'IMID', minCycles: 2, consecutive: true }, p), expected: 'MET' });
add({ id: 'E28', clause: '§2 CELMoD not IMiD: IMID minDrugs 2 with lenalidomide + iberdomide', summary: 'Rd, iberdomide', events: [DX, med('Rd', '2022-01-01', '2022-06-30'), med('iberdomide', '2023-01-01', '2023-06-30')], read: (p) => out({ fact: 'classExposed', class: 'IMID', minDrugs: 2 }, p), expected: 'NOT_MET' });
add({ id: 'E29', clause: '§2 PI minDrugs 2: bortezomib + ixazomib', summary: 'VRd, IRd', events: [DX, med('VRd', '2022-01-01', '2022-06-30'), med('IRd', '2023-01-01', '2023-06-30')], read: (p) => out({ fact: 'classExposed', class: 'PI', minDrugs: 2 }, p), expected: 'MET' });
add({ id: 'E30', clause: 'class minDays: some drug of it must reach (dara 10 d, isa 20 d)', summary: 'dara 01-01..01-10, isatuximab 01-15..02-03', events: [DX, med('daratumumab', '2024-01-01', '2024-01-10'), med('isatuximab', '2024-01-15', '2024-02-03')], read: (p) => out({ fact: 'classExposed', class: 'ANTI_CD38', minDays: 28 }, p), expected: 'NOT_MET' });
add({ id: 'F23', clause: '§1 PD within 60 d of V but 36 d into next line: last therapy is Rd', summary: 'Vd ends 06-30 (PR PR); Rd 07-15; PD 08-20', events: [DX, med('Vd', '2021-01-01', '2021-06-30', { reasonStopped: 'completed' }), R('2021-03-01', 'PR'), R('2021-05-01', 'PR'), med('Rd', '2021-07-15', null), R('2021-08-20', 'PD')], asOf: '2021-09-01', read: (p, a) => `${out({ fact: 'drugRefractory', drug: 'bortezomib' }, p, a)} ${out({ fact: 'drugRefractory', drug: 'lenalidomide' }, p, a)}`, expected: 'NOT_MET MET' });
add({ id: 'F24', clause: 'earlyProgressionDays 14: PD 10 d into Rd prompted it (V refractory, R not yet judged)', summary: 'Vd ends 06-30 (PR PR); Rd 07-15; PD 07-25', events: [DX, med('Vd', '2021-01-01', '2021-06-30', { reasonStopped: 'completed' }), R('2021-03-01', 'PR'), R('2021-05-01', 'PR'), med('Rd', '2021-07-15', null), R('2021-07-25', 'PD')], asOf: '2021-08-01', read: (p, a) => `${out({ fact: 'drugRefractory', drug: 'bortezomib' }, p, a)} ${out({ fact: 'drugRefractory', drug: 'lenalidomide' }, p, a)}`, expected: 'MET UNKNOWN' });
add({ id: 'F25', clause: '§2 double-refractory across lines (PI line 1, IMiD line 2)', summary: 'Vd PD on; Rd PD on', events: [DX, ...onPD('Vd', '2021-01-01', '2021-03-01', '2021-04-01', '2021-09-01', '2021-09-05'), ...onPD('Rd', '2021-09-20', '2021-12-01', '2022-01-01', '2022-05-01', '2022-05-05')], asOf: '2022-06-01', read: (p, a) => out({ fact: 'flag', name: 'doubleRefractory' }, p, a), expected: 'MET' });
add({ id: 'F26', clause: '§1 refractory at maintenance: protocol variant excludeMaintenanceOnly', summary: 'VCd PR PR; ASCT; lenalidomide maintenance; PD on it', events: [DX, med('VCd', '2021-01-01', '2021-04-30', { intent: 'induction' }), R('2021-03-01', 'PR'), R('2021-04-20', 'PR'), { eventId: 'sct1', type: 'procedure', occurredAt: '2021-06-01', data: { kind: 'autologous-sct' } }, R('2021-08-01', 'VGPR'), R('2021-09-01', 'VGPR'), med('lenalidomide', '2021-09-01', '2022-06-10', { intent: 'maintenance', reasonStopped: 'progression' }), R('2022-06-01', 'PD')], asOf: '2022-07-01',
  read: (p, a) => `${out({ fact: 'drugRefractory', drug: 'lenalidomide' }, p, a)} ${out({ fact: 'drugRefractory', drug: 'lenalidomide', excludeMaintenanceOnly: true }, p, a)}`, expected: 'MET NOT_MET' });
add({ id: 'R08', clause: 'nonResponseMinDaysOngoing 56: SD at day 55 is not yet nonresponse', summary: 'dara from 01-01 ongoing; SD 01-29, SD 02-25', events: [DX, med('daratumumab', '2024-01-01', null), R('2024-01-29', 'SD'), R('2024-02-25', 'SD')], asOf: '2024-02-27', read: (p, a) => out({ fact: 'drugRefractory', drug: 'daratumumab' }, p, a), expected: 'NOT_MET' });
add({ id: 'R09', clause: 'nonResponseMinDaysOngoing 56: SD at day 56 → nonresponsive', summary: 'dara from 01-01 ongoing; SD 01-29, SD 02-26', events: [DX, med('daratumumab', '2024-01-01', null), R('2024-01-29', 'SD'), R('2024-02-26', 'SD')], asOf: '2024-02-27', read: (p, a) => out({ fact: 'drugRefractory', drug: 'daratumumab' }, p, a), expected: 'MET' });
// U12-U14: contestable, the documented reading kept (docs/criteria-language.md: an unread medication naming no target,
// a modality or a study drug leaves the classes and the line count known). The reviewer expected UNKNOWN beside a text
// made of regimen letters ("V-R-D") or a course with no drug named.
add({ id: 'U12', clause: 'regimen text only ("V-R-D", reported) beside read history: PI exposure not known', summary: 'Rd 2021 read; "V-R-D" 2023 unread', events: [DX, med('Rd', '2021-01-01', '2021-06-30'), med('V-R-D', '2023-01-01', '2023-06-30')], read: (p) => `${p.linesOfTherapy.count} ${out({ fact: 'classExposed', class: 'PI' }, p)}`, expected: '1 NOT_MET' });
add({ id: 'U13', clause: 'course with no drugs named beside read history: anti-CD38 exposure not known', summary: 'VRd read; "regimen per outside records" unread', events: [DX, med('VRd', '2021-01-01', '2021-06-30'), med('regimen per outside records', '2023-01-01', '2023-06-30')], read: (p) => out({ fact: 'classExposed', class: 'ANTI_CD38' }, p), expected: 'NOT_MET' });
add({ id: 'U14', clause: 'TCE flag with an unread regimen that may hold the PI', summary: 'Rd, daratumumab read; "V-R-D" unread', events: [DX, med('Rd', '2021-01-01', '2021-06-30'), med('daratumumab', '2022-01-01', '2022-06-30'), med('V-R-D', '2023-01-01', '2023-06-30')], read: (p) => out({ fact: 'flag', name: 'tripleClassExposed' }, p), expected: 'NOT_MET' });
add({ id: 'U15', clause: 'sanity: U07/U08 with no read history are unknown by "no history"', summary: '"V-R-D" only', events: [DX, med('V-R-D', '2022-01-01', '2022-06-30')], read: (p) => `${p.linesOfTherapy.count} ${p.unmapped.some((u) => u.original === 'V-R-D')}`, expected: '0 true' });

// ---------------- round 3: more abbreviation traps (§8) and timing ----------------
nameCase('N40', 'Revlimid 10 mg', ['lenalidomide'], 'lenalidomide=1', 'docs: dose after name set aside');
nameCase('N41', 'lenalidomide 10 MG Oral Capsule', ['lenalidomide'], 'lenalidomide=1', 'docs: RxNorm clinical drug');
nameCase('N42', 'Pom-dex', ['pomalidomide', 'dexamethasone', 'prednisone'], 'pomalidomide=1 dexamethasone=1 prednisone=0', 'docs: Pom-dex');
nameCase('N43', 'Dara Rd', ['daratumumab', 'lenalidomide', 'dexamethasone'], 'daratumumab=1 lenalidomide=1 dexamethasone=1', 'docs: Dara Rd');
nameCase('N44', 'Isa', ['isatuximab'], 'isatuximab=1', '§8 I/Isa');
nameCase('N45', 'Elo', ['elotuzumab'], 'elotuzumab=1', '§8 E/Elo');
nameCase('N46', 'CyBorD', ['cyclophosphamide', 'bortezomib', 'dexamethasone', 'daratumumab'], 'cyclophosphamide=1 bortezomib=1 dexamethasone=1 daratumumab=0', '§8 D = dexamethasone in CyBorD (context)');
nameCase('N47', 'VDT-PACE', ['bortezomib', 'dexamethasone', 'thalidomide', 'cisplatin', 'doxorubicin', 'cyclophosphamide', 'etoposide', 'daratumumab', 'pomalidomide'], 'bortezomib=1 dexamethasone=1 thalidomide=1 cisplatin=1 doxorubicin=1 cyclophosphamide=1 etoposide=1 daratumumab=0 pomalidomide=0', '§8 D/P/E by context (VDT-PACE)');
nameCase('N48', 'DCEP', ['dexamethasone', 'cyclophosphamide', 'etoposide', 'cisplatin', 'daratumumab', 'elotuzumab'], 'dexamethasone=1 cyclophosphamide=1 etoposide=1 cisplatin=1 daratumumab=0 elotuzumab=0', 'docs: E = etoposide in DCEP');
nameCase('N49', 'PAD', ['bortezomib', 'doxorubicin', 'dexamethasone', 'pomalidomide', 'daratumumab'], 'bortezomib=1 doxorubicin=1 dexamethasone=1 pomalidomide=0 daratumumab=0', '§8 P = PS-341 in PAD (reference "A (PAD, …)")');
nameCase('N50', 'MPR', ['melphalan', 'prednisone', 'lenalidomide', 'pomalidomide'], 'melphalan=1 prednisone=1 lenalidomide=1 pomalidomide=0', '§8 P = prednisone in MPR');
nameCase('N51', 'KCd', ['carfilzomib', 'cyclophosphamide', 'dexamethasone'], 'carfilzomib=1 cyclophosphamide=1 dexamethasone=1', 'reference: C in KCd');
nameCase('N52', 'ERd', ['elotuzumab', 'lenalidomide', 'etoposide'], 'elotuzumab=1 lenalidomide=1 etoposide=0', '§8 E = elotuzumab (ERd)');
nameCase('N53', 'VRD', ['daratumumab'], 'daratumumab=0', '§8 D by case+context: VRD is bortezomib-lenalidomide-dexamethasone (contestable)');
nameCase('N54', 'Daratumumab IV', ['daratumumab'], 'daratumumab=1', 'docs: route after name');
nameCase('N55', 'Sel-Vd', ['selinexor', 'bortezomib', 'dexamethasone'], 'selinexor=1 bortezomib=1 dexamethasone=1', 'docs: Sel-Vd');
nameCase('N56', 'VCd', ['bortezomib', 'cyclophosphamide', 'dexamethasone'], 'bortezomib=1 cyclophosphamide=1 dexamethasone=1', 'reference: VCd');
add({ id: 'E31', clause: 'docs: a course starting after the profile day is left out', summary: 'VRd 2022; daratumumab from 2025-07-01; asOf 06-01', events: [DX, med('VRd', '2022-01-01', '2022-06-30'), med('daratumumab', '2025-07-01', null)], read: (p) => `${out({ fact: 'flag', name: 'tripleClassExposed' }, p)} ${out({ fact: 'classExposed', class: 'ANTI_CD38' }, p)}`, expected: 'NOT_MET NOT_MET' });
add({ id: 'E32', clause: '§2 cycles given, not planned: end after the profile day is not known (course ongoing)', summary: 'Rd 05-15..08-15 "cycles 3" (planned); asOf 06-01', events: [DX, med('Rd', '2025-05-15', '2025-08-15', { cycles: 3 })], read: (p) => out(CYC2('lenalidomide'), p), expected: 'UNKNOWN' });
add({ id: 'M08', clause: 'v15: PD before the minimum counts when the drug was given on past it with no response since', summary: 'dara from 01-01 ongoing; PD 01-20; SD 03-01; asOf 03-10; min 28', settings: M28, events: [DX, med('daratumumab', '2024-01-01', null), R('2024-01-20', 'PD'), R('2024-03-01', 'SD')], asOf: '2024-03-10', read: (p, a) => out({ fact: 'drugRefractory', drug: 'daratumumab', progressionOnly: true }, p, a), expected: 'MET' });
add({ id: 'M09', clause: 'v16: PD before the minimum does not count with a response (MR+) on the drug since', summary: 'dara from 01-01 ongoing; PD 01-20; PR 02-20, PR 03-01; min 28', settings: M28, events: [DX, med('daratumumab', '2024-01-01', null), R('2024-01-20', 'PD'), R('2024-02-20', 'PR'), R('2024-03-01', 'PR')], asOf: '2024-03-10', read: (p, a) => out({ fact: 'drugRefractory', drug: 'daratumumab' }, p, a), expected: 'NOT_MET' });

add({ id: 'E33', clause: 'consecutive with scope lastLine: that line\'s own runs only', summary: 'Rd c1 stopped for PD (line 1), KRd c1 8 d later (line 2)', events: [DX, med('Rd', '2023-01-01', '2023-01-28', { cycles: 1, reasonStopped: 'progression' }), R('2023-01-25', 'PD'), med('KRd', '2023-02-05', '2023-03-04', { cycles: 1 })], read: (p) => `${p.linesOfTherapy.count} ${out({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 2, consecutive: true, scope: 'lastLine' }, p)} ${out({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 2, consecutive: true }, p)}`, expected: '2 NOT_MET MET' });
add({ id: 'E34', clause: 'E32 control: same course with its end on or before the profile day', summary: 'Rd 03-01..05-24 cycles 3; asOf 06-01', events: [DX, med('Rd', '2025-03-01', '2025-05-24', { cycles: 3 })], read: (p) => out(CYC2('lenalidomide'), p), expected: 'MET' });
add({ id: 'U16', clause: 'double-refractory unknown while the PI may still be refractory', summary: 'Rd PD on; Vd ongoing, not assessed', events: [DX, ...onPD('Rd', '2021-01-01', '2021-03-01', '2021-04-01', '2021-09-01', '2021-09-05'), med('Vd', '2021-09-20', null)], asOf: '2021-12-01', read: (p, a) => out({ fact: 'flag', name: 'doubleRefractory' }, p, a), expected: 'UNKNOWN' });

describe('expo34 exposure and composite refractoriness', () => {
  for (const c of cases) {
    it(`${c.id} [${c.clause}] ${c.summary}`, () => {
      const asOf = c.asOf ?? ASOF;
      const p = buildProfile(c.events, asOf, c.settings ? { ...DEFAULT_SETTINGS, ...c.settings } : DEFAULT_SETTINGS);
      expect(c.read(p, asOf)).toEqual(c.expected);
    });
  }
});

/**
 * Regimen abbreviations as written in charts, expanded to generic names. Letters mean different drugs
 * by case and context: D = daratumumab but d = dexamethasone; P = pomalidomide (Pd, KPd) but
 * prednisone in MP/VMP/MPT; E = elotuzumab (EPd) but etoposide in DCEP/VDT-PACE. So whole
 * abbreviations are looked up, never letters.
 */
const REGIMENS: Record<string, readonly string[]> = {
  // proteasome inhibitor based
  Vd: ['bortezomib', 'dexamethasone'],
  VRd: ['bortezomib', 'lenalidomide', 'dexamethasone'],
  RVd: ['bortezomib', 'lenalidomide', 'dexamethasone'],
  'VRd-lite': ['bortezomib', 'lenalidomide', 'dexamethasone'],
  VCd: ['bortezomib', 'cyclophosphamide', 'dexamethasone'],
  CyBorD: ['cyclophosphamide', 'bortezomib', 'dexamethasone'],
  VTd: ['bortezomib', 'thalidomide', 'dexamethasone'],
  VMP: ['bortezomib', 'melphalan', 'prednisone'],
  PAD: ['bortezomib', 'doxorubicin', 'dexamethasone'],
  Kd: ['carfilzomib', 'dexamethasone'],
  KRd: ['carfilzomib', 'lenalidomide', 'dexamethasone'],
  KPd: ['carfilzomib', 'pomalidomide', 'dexamethasone'],
  KCd: ['carfilzomib', 'cyclophosphamide', 'dexamethasone'],
  IRd: ['ixazomib', 'lenalidomide', 'dexamethasone'],
  'Ixa-Rd': ['ixazomib', 'lenalidomide', 'dexamethasone'],
  IxaRd: ['ixazomib', 'lenalidomide', 'dexamethasone'],
  // IMiD based
  Rd: ['lenalidomide', 'dexamethasone'],
  Pd: ['pomalidomide', 'dexamethasone'],
  Td: ['thalidomide', 'dexamethasone'],
  MP: ['melphalan', 'prednisone'],
  MPT: ['melphalan', 'prednisone', 'thalidomide'],
  MPR: ['melphalan', 'prednisone', 'lenalidomide'],
  VMPT: ['bortezomib', 'melphalan', 'prednisone', 'thalidomide'],
  CTD: ['cyclophosphamide', 'thalidomide', 'dexamethasone'],
  'Len-dex': ['lenalidomide', 'dexamethasone'],
  'Rev/Dex': ['lenalidomide', 'dexamethasone'],
  PCd: ['pomalidomide', 'cyclophosphamide', 'dexamethasone'],
  PomDex: ['pomalidomide', 'dexamethasone'],
  // pomalidomide, bortezomib, dexamethasone (OPTIMISMM): P is pomalidomide here, as in Pd
  PVd: ['pomalidomide', 'bortezomib', 'dexamethasone'],
  'P-Vd': ['pomalidomide', 'bortezomib', 'dexamethasone'],
  PomVd: ['pomalidomide', 'bortezomib', 'dexamethasone'],
  'Pom-Vd': ['pomalidomide', 'bortezomib', 'dexamethasone'],
  // anti-CD38 based
  DRd: ['daratumumab', 'lenalidomide', 'dexamethasone'],
  'D-Rd': ['daratumumab', 'lenalidomide', 'dexamethasone'],
  DVd: ['daratumumab', 'bortezomib', 'dexamethasone'],
  'D-Vd': ['daratumumab', 'bortezomib', 'dexamethasone'],
  DKd: ['daratumumab', 'carfilzomib', 'dexamethasone'],
  'D-Kd': ['daratumumab', 'carfilzomib', 'dexamethasone'],
  DPd: ['daratumumab', 'pomalidomide', 'dexamethasone'],
  'D-Pd': ['daratumumab', 'pomalidomide', 'dexamethasone'],
  'D-VRd': ['daratumumab', 'bortezomib', 'lenalidomide', 'dexamethasone'],
  'Dara-VRd': ['daratumumab', 'bortezomib', 'lenalidomide', 'dexamethasone'],
  'D-VTd': ['daratumumab', 'bortezomib', 'thalidomide', 'dexamethasone'],
  DVTd: ['daratumumab', 'bortezomib', 'thalidomide', 'dexamethasone'],
  'D-VMP': ['daratumumab', 'bortezomib', 'melphalan', 'prednisone'],
  'Dara-VMP': ['daratumumab', 'bortezomib', 'melphalan', 'prednisone'],
  DVMP: ['daratumumab', 'bortezomib', 'melphalan', 'prednisone'],
  'D-KRd': ['daratumumab', 'carfilzomib', 'lenalidomide', 'dexamethasone'],
  DKRd: ['daratumumab', 'carfilzomib', 'lenalidomide', 'dexamethasone'],
  'Dd': ['daratumumab', 'dexamethasone'],
  'Dara-Rd': ['daratumumab', 'lenalidomide', 'dexamethasone'],
  DaraRd: ['daratumumab', 'lenalidomide', 'dexamethasone'],
  'Dara-Vd': ['daratumumab', 'bortezomib', 'dexamethasone'],
  'Dara-Kd': ['daratumumab', 'carfilzomib', 'dexamethasone'],
  'Dara-Pd': ['daratumumab', 'pomalidomide', 'dexamethasone'],
  DaraPd: ['daratumumab', 'pomalidomide', 'dexamethasone'],
  DaraVd: ['daratumumab', 'bortezomib', 'dexamethasone'],
  DaraKd: ['daratumumab', 'carfilzomib', 'dexamethasone'],
  IsaRd: ['isatuximab', 'lenalidomide', 'dexamethasone'],
  'Dara-KRd': ['daratumumab', 'carfilzomib', 'lenalidomide', 'dexamethasone'],
  'Isa-Rd': ['isatuximab', 'lenalidomide', 'dexamethasone'],
  'Isa-Pd': ['isatuximab', 'pomalidomide', 'dexamethasone'],
  IsaPd: ['isatuximab', 'pomalidomide', 'dexamethasone'],
  'Isa-Kd': ['isatuximab', 'carfilzomib', 'dexamethasone'],
  IsaKd: ['isatuximab', 'carfilzomib', 'dexamethasone'],
  'Isa-VRd': ['isatuximab', 'bortezomib', 'lenalidomide', 'dexamethasone'],
  'Isa-KRd': ['isatuximab', 'carfilzomib', 'lenalidomide', 'dexamethasone'],
  // anti-SLAMF7
  ERd: ['elotuzumab', 'lenalidomide', 'dexamethasone'],
  'E-Rd': ['elotuzumab', 'lenalidomide', 'dexamethasone'],
  'Elo-Rd': ['elotuzumab', 'lenalidomide', 'dexamethasone'],
  EPd: ['elotuzumab', 'pomalidomide', 'dexamethasone'],
  'Elo-Pd': ['elotuzumab', 'pomalidomide', 'dexamethasone'],
  EloPd: ['elotuzumab', 'pomalidomide', 'dexamethasone'],
  EloRd: ['elotuzumab', 'lenalidomide', 'dexamethasone'],
  // novel agents
  SVd: ['selinexor', 'bortezomib', 'dexamethasone'],
  SPd: ['selinexor', 'pomalidomide', 'dexamethasone'],
  XPd: ['selinexor', 'pomalidomide', 'dexamethasone'],
  SKd: ['selinexor', 'carfilzomib', 'dexamethasone'],
  SDd: ['selinexor', 'daratumumab', 'dexamethasone'],
  Sd: ['selinexor', 'dexamethasone'],
  'Ven-d': ['venetoclax', 'dexamethasone'],
  VenDex: ['venetoclax', 'dexamethasone'],
  'Pano-Vd': ['panobinostat', 'bortezomib', 'dexamethasone'],
  PanoVd: ['panobinostat', 'bortezomib', 'dexamethasone'],
  BVd: ['belantamab mafodotin', 'bortezomib', 'dexamethasone'],
  BPd: ['belantamab mafodotin', 'pomalidomide', 'dexamethasone'],
  'Iber-d': ['iberdomide', 'dexamethasone'],
  IberDd: ['iberdomide', 'daratumumab', 'dexamethasone'],
  MeziVd: ['mezigdomide', 'bortezomib', 'dexamethasone'],
  MeziKd: ['mezigdomide', 'carfilzomib', 'dexamethasone'],
  // chemotherapy
  DCEP: ['dexamethasone', 'cyclophosphamide', 'etoposide', 'cisplatin'],
  'VDT-PACE': ['bortezomib', 'dexamethasone', 'thalidomide', 'cisplatin', 'doxorubicin', 'cyclophosphamide', 'etoposide'],
  'VTD-PACE': ['bortezomib', 'thalidomide', 'dexamethasone', 'cisplatin', 'doxorubicin', 'cyclophosphamide', 'etoposide'],
  'DT-PACE': ['dexamethasone', 'thalidomide', 'cisplatin', 'doxorubicin', 'cyclophosphamide', 'etoposide'],
  BeEAM: ['bendamustine', 'etoposide', 'cytarabine', 'melphalan'],
  // transplant conditioning
  MEL200: ['melphalan'],
  MEL140: ['melphalan'],
  // lymphodepletion before CAR-T (fludarabine is supportive: the line is the CAR-T's)
  'Flu/Cy': ['fludarabine', 'cyclophosphamide'],
  'Flu-Cy': ['fludarabine', 'cyclophosphamide'],
  FluCy: ['fludarabine', 'cyclophosphamide'],
  'Cy/Flu': ['cyclophosphamide', 'fludarabine'],
  'Cy-Flu': ['cyclophosphamide', 'fludarabine'],
};

const exact = new Map(Object.entries(REGIMENS));
const byFolded = new Map<string, string[]>();
for (const key of exact.keys()) {
  const folded = key.toLowerCase();
  byFolded.set(folded, [...(byFolded.get(folded) ?? []), key]);
}

/**
 * The generics of a regimen abbreviation, or null. Exact spelling first; a different case is accepted
 * only when it points at exactly one regimen (so "vrd" is VRd, while no two regimens differ by case).
 */
export function expandRegimen(text: string): { regimen: string; generics: readonly string[] } | null {
  const t = text.trim();
  const hit = exact.get(t);
  if (hit) return { regimen: t, generics: hit };
  const candidates = byFolded.get(t.toLowerCase()) ?? [];
  if (candidates.length === 1) return { regimen: candidates[0]!, generics: exact.get(candidates[0]!)! };
  return null;
}

export const REGIMEN_ABBREVIATIONS: readonly string[] = [...exact.keys()];

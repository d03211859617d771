import type { DrugClass } from '../terminology/drug-classes';
import type { LabName } from '../terminology/labs';
import type { ProfileFlags } from '../patient/profile';

/**
 * The criteria language: a small typed expression tree. Combinators (all, any, not, if/then/else)
 * over leaves that read the derived profile. Every leaf is named by `fact`.
 */
export type Rule =
  | { all: Rule[] }
  | { any: Rule[] }
  | { not: Rule }
  | { if: Rule; then: Rule; else?: Rule }
  | Leaf;

export type Scope = 'any' | 'lastLine';
export type Comparator = '>=' | '>' | '<=' | '<' | '==';

export type Leaf =
  | { fact: 'age'; min?: number; max?: number }
  | { fact: 'sex'; in: Array<'female' | 'male' | 'other'> }
  | { fact: 'ecog'; max: number; min?: number; maxAgeDays?: number }
  | { fact: 'priorLines'; min?: number; max?: number }
  /** `consecutive`: `minCycles` counts one run of back-to-back courses (MagnetisMM-32's "≥2 consecutive cycles"). */
  | { fact: 'drugExposed'; drug: string; scope?: Scope; minDays?: number; minCycles?: number; consecutive?: boolean }
  | { fact: 'drugRefractory'; drug: string; scope?: Scope; excludeMaintenanceOnly?: boolean; progressionOnly?: boolean }
  /** `minDrugs`: at least this many drugs of the class ("refractory to ≥2 PIs", MAMMOTH's quad-refractory). */
  | { fact: 'classExposed'; class: DrugClass; scope?: Scope; minDays?: number; minCycles?: number; consecutive?: boolean; minDrugs?: number }
  | { fact: 'classRefractory'; class: DrugClass; scope?: Scope; progressionOnly?: boolean; minDrugs?: number }
  | { fact: 'flag'; name: keyof ProfileFlags }
  | { fact: 'priorTargetTherapy'; target: 'BCMA' | 'GPRC5D' | 'FCRH5'; modality?: 'CAR_T' | 'BISPECIFIC' | 'ADC' | 'any' }
  | { fact: 'priorTransplant'; kind?: 'autologous' | 'allogeneic' | 'any'; minCount?: number }
  /** A CAR-T infusion of any product (recognised or not): ever, or (`lastLine`) in the last line of therapy ("CAR-T as the last therapy"). */
  | { fact: 'priorCarT'; scope?: Scope }
  | {
      fact: 'timeSince';
      event: 'lastDose' | 'transplant' | 'carT' | 'progression' | 'transfusion';
      drug?: string;
      class?: DrugClass;
      kind?: 'autologous' | 'allogeneic' | 'any';
      /** With event transfusion: only transfusions of this product. */
      product?: 'platelets' | 'red-cells';
      minDays?: number;
      maxDays?: number;
      /**
       * With event lastDose and minDays: the washout of each drug is also this many of its half-lives
       * (libs/core/src/terminology/half-lives.ts), and `combine` says which of the two counts ("14 days or 5
       * half-lives, whichever is shorter"; default shorter).
       */
      halfLives?: number;
      combine?: 'shorter' | 'longer';
    }
  | { fact: 'measurableDisease'; serumMinGdL?: number; serumMinGdLByIsotype?: Partial<Record<'IgG' | 'IgA' | 'IgD' | 'IgE' | 'IgM', number>>; urineMinMg24h?: number; involvedFlcMinMgDl?: number; requireAbnormalFlcRatio?: boolean; maxAgeDays?: number }
  | { fact: 'measurableByFlcOnly' }
  | {
      fact: 'lab';
      name: LabName;
      op: Comparator;
      value: number;
      unit: string;
      maxAgeDays?: number;
      /** Platelets, haemoglobin, ANC: the value counts only when measured at least this many days after the last transfusion or growth factor for it. */
      minDaysAfterSupport?: number;
      /** Which support `minDaysAfterSupport` counts: both (default), transfusions only ("no RBC transfusion within 7 days; erythropoietin permitted"), or agents only. */
      support?: 'any' | 'transfusion' | 'agent';
    }
  | { fact: 'labTimesUln'; name: LabName; op: Comparator; value: number; maxAgeDays?: number }
  | {
      fact: 'creatinineClearance';
      op: Comparator;
      value: number;
      /** cockcroft-gault (default, mL/min), egfr (reported or CKD-EPI 2021, mL/min/1.73 m²), measured (24-h urine, mL/min). */
      method?: 'cockcroft-gault' | 'egfr' | 'measured';
      maxAgeDays?: number;
    }
  /** `withinDaysOfLastDose`: the progression on the last line's therapy or within this many days of its last dose or procedure. */
  | { fact: 'progressionAfterLastLine'; withinDaysOfLastDose?: number }
  | { fact: 'responseAtLeast'; category: 'sCR' | 'CR' | 'VGPR' | 'PR' | 'MR' | 'SD'; ever?: boolean }
  /** `sustained`: negative over at least a year (IMWG 2016); `imaging`: with PET-CT negative too (imaging-plus). Both only for a negative. */
  | { fact: 'mrd'; result: 'negative' | 'positive'; maxSensitivity?: number; maxAgeDays?: number; sustained?: boolean; imaging?: boolean }
  | { fact: 'cytogenetics'; abnormality: string }
  | { fact: 'highRiskCytogenetics'; definition: 'riss' | 'imwg2025' }
  /** ISS or R-ISS stage (1–3) at diagnosis (values up to the first line's start) or now, one of `stages`. */
  | { fact: 'stage'; system: 'iss' | 'riss'; at: 'diagnosis' | 'current'; stages: Array<1 | 2 | 3> }
  | {
      fact: 'condition';
      kind: string;
      minGrade?: number;
      includeHistory?: boolean;
      /** Present at any time in the last this many days (active now, or ended within them); implies the history is read. */
      withinDays?: number;
      /** Peripheral neuropathy of this type (a mixed one is both); a record without a type may be either. */
      neuropathyType?: 'sensory' | 'motor';
    }
  | { fact: 'plasmaCellLeukemia' }
  | { fact: 'extramedullaryDisease'; type?: 'extramedullary' | 'paraskeletal' | 'any' }
  | { fact: 'unknownText'; reason: string };

export const LEAF_FACTS = [
  'age',
  'sex',
  'ecog',
  'priorLines',
  'drugExposed',
  'drugRefractory',
  'classExposed',
  'classRefractory',
  'flag',
  'priorTargetTherapy',
  'priorTransplant',
  'priorCarT',
  'timeSince',
  'measurableDisease',
  'measurableByFlcOnly',
  'lab',
  'labTimesUln',
  'creatinineClearance',
  'progressionAfterLastLine',
  'responseAtLeast',
  'mrd',
  'cytogenetics',
  'highRiskCytogenetics',
  'stage',
  'condition',
  'plasmaCellLeukemia',
  'extramedullaryDisease',
  'unknownText',
] as const;

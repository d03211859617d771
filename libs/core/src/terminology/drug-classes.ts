/** Drug classes the clinical rules and trial criteria speak of. */
export const DRUG_CLASSES = [
  'PI',
  'IMID',
  'CELMOD',
  'ANTI_CD38',
  'ANTI_SLAMF7',
  'BCMA_CAR_T',
  'GPRC5D_CAR_T',
  'BCMA_BISPECIFIC',
  'GPRC5D_BISPECIFIC',
  'FCRH5_BISPECIFIC',
  'BCMA_ADC',
  'XPO1_INHIBITOR',
  'BCL2_INHIBITOR',
  'ALKYLATOR',
  'ANTHRACYCLINE',
  'HDAC_INHIBITOR',
  'CHEMOTHERAPY_OTHER',
  'CORTICOSTEROID',
  'SUPPORTIVE',
] as const;

export type DrugClass = (typeof DRUG_CLASSES)[number];

/** Cellular therapies are infusions (procedures), not drug courses. */
export const CELL_THERAPY_CLASSES: ReadonlySet<DrugClass> = new Set(['BCMA_CAR_T', 'GPRC5D_CAR_T']);

import type { DrugClass } from './drug-classes';

/**
 * Anti-myeloma and supportive agents: generic name, classes, brand names, research codes and
 * abbreviations, and RxNorm ingredient codes (and the product codes the reference lists, for elotuzumab and
 * teclistamab: FHIR medications are often coded by product). Built from shared/data/myeloma-drugs.reference.json
 * (public sources named there); RxNorm codes are those the reference found in public value sets,
 * absent where it found none. Daratumumab SC and high-dose melphalan are folded into their ingredient; a transplant written as a
 * medication ("ASCT", "HDM/ASCT") is not a drug: readClinicalRecords turns it into the transplant.
 * Fludarabine (lymphodepletion before CAR-T, not in the reference list) is SUPPORTIVE: it never opens a
 * line of therapy nor counts as an exposure; its RxNorm code is not given (not found in a value set here).
 * Likewise added as SUPPORTIVE, for the washouts before blood counts that trials ask for (domain.md §7:
 * "growth factor not within ~7 days of labs"): pegfilgrastim, sargramostim and
 * eflapegrastim and lipegfilgrastim (granulocyte growth factors), epoetin alfa, epoetin beta, epoetin zeta, darbepoetin
 * alfa and methoxy polyethylene glycol-epoetin beta (erythropoiesis), romiplostim, eltrombopag and avatrombopag (thrombopoiesis); no RxNorm
 * codes given. A biosimilar's four-letter suffix ("filgrastim-sndz") is read as its generic (drug-catalog.ts).
 */
export interface DrugEntry {
  generic: string;
  classes: readonly DrugClass[];
  brands: readonly string[];
  synonyms: readonly string[];
  rxnorm: readonly string[];
  antiMyeloma: boolean;
  investigational: boolean;
}

export const DRUG_CATALOG: readonly DrugEntry[] = [
  {generic: "bortezomib", classes: ["PI"], brands: ["Velcade"], synonyms: ["Btz", "PS-341"], rxnorm: ["358258"], antiMyeloma: true, investigational: false},
  {generic: "carfilzomib", classes: ["PI"], brands: ["Kyprolis"], synonyms: ["Cfz", "PR-171"], rxnorm: ["1302966"], antiMyeloma: true, investigational: false},
  {generic: "ixazomib", classes: ["PI"], brands: ["Ninlaro"], synonyms: ["ixazomib citrate", "MLN2238", "MLN9708"], rxnorm: ["1723734", "1723735"], antiMyeloma: true, investigational: false},
  {generic: "lenalidomide", classes: ["IMID"], brands: ["Revlimid"], synonyms: ["CC-5013", "Len"], rxnorm: ["342369"], antiMyeloma: true, investigational: false},
  {generic: "pomalidomide", classes: ["IMID"], brands: ["Imnovid", "Pomalyst"], synonyms: ["CC-4047", "Pom"], rxnorm: ["1369713"], antiMyeloma: true, investigational: false},
  {generic: "thalidomide", classes: ["IMID"], brands: ["Thalomid"], synonyms: ["Thal"], rxnorm: ["10432"], antiMyeloma: true, investigational: false},
  {generic: "iberdomide", classes: ["CELMOD"], brands: [], synonyms: ["CC-220", "Iber"], rxnorm: [], antiMyeloma: true, investigational: true},
  {generic: "mezigdomide", classes: ["CELMOD"], brands: [], synonyms: ["CC-92480", "Mezi"], rxnorm: [], antiMyeloma: true, investigational: true},
  {generic: "daratumumab", classes: ["ANTI_CD38"], brands: ["Darzalex", "Darzalex Faspro", "Darzalex SC (EU)"], synonyms: ["Dara", "Dara SC", "daratumumab and hyaluronidase-fihj", "daratumumab SC", "daratumumab-fihj", "HuMax-CD38", "JNJ-54767414"], rxnorm: ["1721947", "2372199", "2375130"], antiMyeloma: true, investigational: false},
  {generic: "isatuximab", classes: ["ANTI_CD38"], brands: ["Sarclisa", "Sarclisa Escena"], synonyms: ["Isa", "isatuximab-irfc", "SAR650984"], rxnorm: [], antiMyeloma: true, investigational: false},
  {generic: "elotuzumab", classes: ["ANTI_SLAMF7"], brands: ["Empliciti"], synonyms: ["BMS-901608", "Elo", "HuLuc63"], rxnorm: ["1726104", "1726110", "1726115", "1726117", "1726119"], antiMyeloma: true, investigational: false},
  {generic: "idecabtagene vicleucel", classes: ["BCMA_CAR_T"], brands: ["Abecma"], synonyms: ["bb2121", "ide-cel"], rxnorm: [], antiMyeloma: true, investigational: false},
  {generic: "ciltacabtagene autoleucel", classes: ["BCMA_CAR_T"], brands: ["Carvykti"], synonyms: ["cilta-cel", "JNJ-4528", "JNJ-68284528", "LCAR-B38M"], rxnorm: [], antiMyeloma: true, investigational: false},
  {generic: "anitocabtagene autoleucel", classes: ["BCMA_CAR_T"], brands: [], synonyms: ["anito-cel", "CART-ddBCMA", "ddBCMA"], rxnorm: [], antiMyeloma: true, investigational: true},
  {generic: "arlocabtagene autoleucel", classes: ["GPRC5D_CAR_T"], brands: [], synonyms: ["arlo-cel", "BMS-986393", "CC-95266"], rxnorm: [], antiMyeloma: true, investigational: true},
  {generic: "teclistamab", classes: ["BCMA_BISPECIFIC"], brands: ["Tecvayli"], synonyms: ["JNJ-64007957", "Tec", "teclistamab-cqyv"], rxnorm: ["2619432", "2619438", "2619441", "2619444"], antiMyeloma: true, investigational: false},
  {generic: "elranatamab", classes: ["BCMA_BISPECIFIC"], brands: ["Elrexfio"], synonyms: ["Elra", "elranatamab-bcmm", "PF-06863135"], rxnorm: [], antiMyeloma: true, investigational: false},
  {generic: "linvoseltamab", classes: ["BCMA_BISPECIFIC"], brands: ["Lynozyfic"], synonyms: ["Linvo", "linvoseltamab-gcpt", "REGN5458"], rxnorm: [], antiMyeloma: true, investigational: false},
  {generic: "talquetamab", classes: ["GPRC5D_BISPECIFIC"], brands: ["Talvey"], synonyms: ["JNJ-64407564", "Tal", "Talq", "talquetamab-tgvs"], rxnorm: [], antiMyeloma: true, investigational: false},
  {generic: "cevostamab", classes: ["FCRH5_BISPECIFIC"], brands: [], synonyms: ["BFCR4350A", "RG6160"], rxnorm: [], antiMyeloma: true, investigational: true},
  {generic: "etentamig", classes: ["BCMA_BISPECIFIC"], brands: [], synonyms: ["ABBV-383", "TNB-383B"], rxnorm: [], antiMyeloma: true, investigational: true},
  {generic: "belantamab mafodotin", classes: ["BCMA_ADC"], brands: ["Blenrep"], synonyms: ["belamaf", "Belan", "belantamab mafodotin-blmf", "GSK2857916"], rxnorm: [], antiMyeloma: true, investigational: false},
  {generic: "selinexor", classes: ["XPO1_INHIBITOR"], brands: ["Nexpovio", "Xpovio"], synonyms: ["KPT-330", "Sel"], rxnorm: [], antiMyeloma: true, investigational: false},
  {generic: "venetoclax", classes: ["BCL2_INHIBITOR"], brands: ["Venclexta", "Venclyxto"], synonyms: ["ABT-199", "GDC-0199", "Ven"], rxnorm: ["1747556"], antiMyeloma: true, investigational: false},
  {generic: "melphalan", classes: ["ALKYLATOR"], brands: ["Alkeran", "Evomela"], synonyms: ["HDM", "L-PAM", "Mel", "MEL140", "MEL200", "phenylalanine mustard"], rxnorm: ["6718"], antiMyeloma: true, investigational: false},
  {generic: "melphalan flufenamide", classes: ["ALKYLATOR"], brands: ["Pepaxti", "Pepaxto"], synonyms: ["J1", "melflufen"], rxnorm: [], antiMyeloma: true, investigational: false},
  {generic: "cyclophosphamide", classes: ["ALKYLATOR"], brands: ["Cytoxan", "Endoxan"], synonyms: ["CTX", "Cy"], rxnorm: ["3002"], antiMyeloma: true, investigational: false},
  {generic: "bendamustine", classes: ["ALKYLATOR"], brands: ["Belrapzo", "Bendeka", "Treanda"], synonyms: ["Benda"], rxnorm: ["134547"], antiMyeloma: true, investigational: false},
  {generic: "doxorubicin", classes: ["ANTHRACYCLINE"], brands: ["Adriamycin"], synonyms: ["ADR", "Doxo", "hydroxydaunorubicin"], rxnorm: ["3639"], antiMyeloma: true, investigational: false},
  {generic: "pegylated liposomal doxorubicin", classes: ["ANTHRACYCLINE"], brands: ["Caelyx", "Doxil"], synonyms: ["doxorubicin hydrochloride liposome", "liposomal doxorubicin", "PLD"], rxnorm: [], antiMyeloma: true, investigational: false},
  {generic: "dexamethasone", classes: ["CORTICOSTEROID"], brands: ["Decadron", "Hemady"], synonyms: ["Dex"], rxnorm: ["3264"], antiMyeloma: true, investigational: false},
  {generic: "prednisone", classes: ["CORTICOSTEROID"], brands: ["Deltasone", "Rayos"], synonyms: ["Pred"], rxnorm: ["8640"], antiMyeloma: true, investigational: false},
  {generic: "panobinostat", classes: ["HDAC_INHIBITOR"], brands: ["Farydak"], synonyms: ["LBH589", "Pano"], rxnorm: [], antiMyeloma: true, investigational: false},
  {generic: "carmustine", classes: ["ALKYLATOR"], brands: ["BiCNU"], synonyms: ["BCNU"], rxnorm: ["2105"], antiMyeloma: true, investigational: false},
  {generic: "cisplatin", classes: ["CHEMOTHERAPY_OTHER"], brands: [], synonyms: ["CDDP"], rxnorm: ["2555"], antiMyeloma: true, investigational: false},
  {generic: "etoposide", classes: ["CHEMOTHERAPY_OTHER"], brands: ["Etopophos", "VePesid"], synonyms: ["VP-16"], rxnorm: ["4179"], antiMyeloma: true, investigational: false},
  {generic: "zoledronic acid", classes: ["SUPPORTIVE"], brands: ["Reclast", "Zometa"], synonyms: ["ZA", "ZOL", "zoledronate"], rxnorm: ["77655"], antiMyeloma: false, investigational: false},
  {generic: "pamidronate", classes: ["SUPPORTIVE"], brands: ["Aredia"], synonyms: ["APD", "pamidronate disodium"], rxnorm: [], antiMyeloma: false, investigational: false},
  {generic: "denosumab", classes: ["SUPPORTIVE"], brands: ["Prolia", "Xgeva"], synonyms: ["AMG 162"], rxnorm: [], antiMyeloma: false, investigational: false},
  {generic: "gabapentin", classes: ["SUPPORTIVE"], brands: ["Gralise", "Neurontin"], synonyms: [], rxnorm: ["25480"], antiMyeloma: false, investigational: false},
  {generic: "plerixafor", classes: ["SUPPORTIVE"], brands: ["Mozobil"], synonyms: ["AMD3100"], rxnorm: ["733003"], antiMyeloma: false, investigational: false},
  {generic: "fludarabine", classes: ["SUPPORTIVE"], brands: ["Fludara"], synonyms: ["F-ara-A", "fludarabine phosphate"], rxnorm: [], antiMyeloma: false, investigational: false},
  {generic: "filgrastim", classes: ["SUPPORTIVE"], brands: ["Granix (tbo-filgrastim)", "Granix", "Neupogen", "Nivestym", "Zarxio", "Releuko", "Nypozi"], synonyms: ["G-CSF", "tbo-filgrastim"], rxnorm: ["68442"], antiMyeloma: false, investigational: false},
  {generic: "pegfilgrastim", classes: ["SUPPORTIVE"], brands: ["Neulasta", "Neulasta Onpro", "Fulphila", "Udenyca", "Ziextenzo", "Nyvepria", "Fylnetra", "Stimufend"], synonyms: ["peg-filgrastim", "PEG-G-CSF"], rxnorm: [], antiMyeloma: false, investigational: false},
  {generic: "sargramostim", classes: ["SUPPORTIVE"], brands: ["Leukine"], synonyms: ["GM-CSF"], rxnorm: [], antiMyeloma: false, investigational: false},
  {generic: "epoetin alfa", classes: ["SUPPORTIVE"], brands: ["Epogen", "Procrit", "Retacrit"], synonyms: ["erythropoietin", "epoetin"], rxnorm: [], antiMyeloma: false, investigational: false},
  {generic: "epoetin beta", classes: ["SUPPORTIVE"], brands: ["NeoRecormon"], synonyms: [], rxnorm: [], antiMyeloma: false, investigational: false},
  {generic: "epoetin zeta", classes: ["SUPPORTIVE"], brands: ["Silapo"], synonyms: [], rxnorm: [], antiMyeloma: false, investigational: false},
  {generic: "lipegfilgrastim", classes: ["SUPPORTIVE"], brands: ["Lonquex"], synonyms: [], rxnorm: [], antiMyeloma: false, investigational: false},
  {generic: "darbepoetin alfa", classes: ["SUPPORTIVE"], brands: ["Aranesp"], synonyms: ["darbepoetin"], rxnorm: [], antiMyeloma: false, investigational: false},
  {generic: "romiplostim", classes: ["SUPPORTIVE"], brands: ["Nplate"], synonyms: [], rxnorm: [], antiMyeloma: false, investigational: false},
  {generic: "eltrombopag", classes: ["SUPPORTIVE"], brands: ["Promacta", "Revolade"], synonyms: [], rxnorm: [], antiMyeloma: false, investigational: false},
  {generic: "avatrombopag", classes: ["SUPPORTIVE"], brands: ["Doptelet"], synonyms: [], rxnorm: [], antiMyeloma: false, investigational: false},
  {generic: "methoxy polyethylene glycol-epoetin beta", classes: ["SUPPORTIVE"], brands: ["Mircera"], synonyms: ["epoetin beta pegol"], rxnorm: [], antiMyeloma: false, investigational: false},
  {generic: "eflapegrastim", classes: ["SUPPORTIVE"], brands: ["Rolvedon"], synonyms: ["eflapegrastim-xnst"], rxnorm: [], antiMyeloma: false, investigational: false},
];

import type { Bundle, CodeableConcept, Condition, FhirResource, MedicationAdministration, MedicationRequest, MedicationStatement, Observation, Patient, Procedure } from 'fhir/r4';
import { labDefinition } from '../terminology/labs';

/** A patient event in the native shape (patient-events.v1), as produced from FHIR. */
export interface MappedEvent {
  eventId: string;
  patientId: string;
  source: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface FhirMapping {
  events: MappedEvent[];
  /** Resources (or parts) that could not be mapped, with why: reported, never silently ignored. */
  unmapped: Array<{ resourceType: string; id: string | null; reason: string }>;
}

export const SYSTEMS = {
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10: ['http://hl7.org/fhir/sid/icd-10-cm', 'http://hl7.org/fhir/sid/icd-10'],
} as const;

const LOINC_ECOG = '89247-1';
const MM_SNOMED = new Set(['109989006']);
/** ICD-10 C90.0x multiple myeloma, C90.1x plasma cell leukaemia, E85.x amyloidosis, G62.x polyneuropathy, C90.2x extramedullary plasmacytoma. */
const CONDITION_BY_ICD10: Array<[RegExp, { type: 'diagnosis' | 'condition'; kind?: string }]> = [
  [/^C90\.0/, { type: 'diagnosis' }],
  [/^C90\.1/, { type: 'condition', kind: 'plasma-cell-leukemia' }],
  [/^E85/, { type: 'condition', kind: 'al-amyloidosis' }],
  [/^G6[23]/, { type: 'condition', kind: 'peripheral-neuropathy' }],
];
const PROCEDURE_TEXT: Array<[RegExp, string]> = [
  [/autologous.*(stem cell|hematopoietic|haematopoietic|transplant)|\bASCT\b|auto-?SCT/i, 'autologous-sct'],
  [/allogeneic.*(stem cell|hematopoietic|haematopoietic|transplant)|allo-?SCT/i, 'allogeneic-sct'],
  [/CAR[- ]?T|chimeric antigen receptor/i, 'car-t-infusion'],
  [/apheresis|leukapheresis/i, 'apheresis'],
  [/radiation|radiotherapy/i, 'radiation'],
];

const codeIn = (cc: CodeableConcept | undefined, system: string | readonly string[]): string | undefined =>
  cc?.coding?.find((c) => (typeof system === 'string' ? c.system === system : system.includes(c.system ?? '')))?.code;
const textOf = (cc: CodeableConcept | undefined): string | undefined => cc?.text ?? cc?.coding?.find((c) => c.display)?.display;

function patientIdOf(ref: string | undefined, fallback: string | null): string | null {
  if (ref?.startsWith('Patient/')) return ref.slice('Patient/'.length);
  if (ref?.startsWith('urn:uuid:')) return ref.slice('urn:uuid:'.length);
  return fallback;
}

/**
 * Maps a FHIR R4 Bundle to native patient events: Patient, Condition, MedicationAdministration /
 * MedicationStatement / MedicationRequest (RxNorm code or text), Observation (LOINC; ECOG 89247-1),
 * Procedure (by text: ASCT, allo-SCT, CAR-T, apheresis, radiation). See docs/fhir-mapping.md.
 */
export function mapFhirBundle(bundle: Bundle, source = 'fhir'): FhirMapping {
  const out: FhirMapping = { events: [], unmapped: [] };
  const resources = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is FhirResource => r !== undefined);
  const onlyPatient = resources.filter((r): r is Patient => r.resourceType === 'Patient');
  const defaultPatient = onlyPatient.length === 1 ? (onlyPatient[0]!.id ?? null) : null;
  const skip = (r: FhirResource, reason: string): void => void out.unmapped.push({ resourceType: r.resourceType, id: r.id ?? null, reason });
  const push = (r: FhirResource, patientRef: string | undefined, type: string, occurredAt: string | undefined, data: Record<string, unknown>, suffix = ''): void => {
    const patientId = patientIdOf(patientRef, defaultPatient);
    if (!patientId) return skip(r, 'no patient reference');
    if (!occurredAt) return skip(r, 'no date');
    out.events.push({ eventId: `${r.resourceType}/${r.id ?? out.events.length}${suffix}`, patientId, source, type, occurredAt, data });
  };

  for (const r of resources) {
    switch (r.resourceType) {
      case 'Patient': {
        const p = r;
        if (!p.birthDate && !p.gender) {
          skip(p, 'neither birthDate nor gender');
          break;
        }
        push(p, `Patient/${p.id}`, 'demographics', p.birthDate ?? p.meta?.lastUpdated?.slice(0, 10), {
          ...(p.birthDate ? { birthDate: p.birthDate } : {}),
          ...(p.gender ? { sex: p.gender } : {}),
        });
        break;
      }
      case 'Condition': {
        const c: Condition = r;
        const icd = codeIn(c.code, SYSTEMS.icd10);
        const snomed = codeIn(c.code, SYSTEMS.snomed);
        const match = icd ? CONDITION_BY_ICD10.find(([re]) => re.test(icd))?.[1] : snomed && MM_SNOMED.has(snomed) ? { type: 'diagnosis' as const } : undefined;
        if (!match) {
          skip(c, `condition code not mapped (${icd ?? snomed ?? textOf(c.code) ?? 'no code'})`);
          break;
        }
        const date = c.onsetDateTime ?? c.recordedDate;
        const clinical = c.clinicalStatus?.coding?.[0]?.code;
        if (match.type === 'diagnosis') push(c, c.subject?.reference, 'diagnosis', date, { condition: 'multiple-myeloma', ...(date ? { diagnosisDate: date.slice(0, 10) } : {}) });
        else push(c, c.subject?.reference, 'condition', date, { kind: match.kind, status: clinical === 'resolved' || clinical === 'inactive' || clinical === 'remission' ? 'resolved' : 'active' });
        break;
      }
      case 'MedicationAdministration':
      case 'MedicationStatement':
      case 'MedicationRequest': {
        const m: MedicationAdministration | MedicationStatement | MedicationRequest = r;
        const concept = m.medicationCodeableConcept;
        const rxnorm = codeIn(concept, SYSTEMS.rxnorm);
        const drug = textOf(concept);
        if (!rxnorm && !drug) {
          skip(m, m.medicationReference ? 'medicationReference is not resolved; send medicationCodeableConcept' : 'no medication code or text');
          break;
        }
        let start: string | undefined;
        let end: string | undefined;
        if (m.resourceType === 'MedicationRequest') {
          start = m.dispenseRequest?.validityPeriod?.start ?? m.authoredOn;
          end = m.dispenseRequest?.validityPeriod?.end;
        } else {
          start = m.effectivePeriod?.start ?? m.effectiveDateTime;
          end = m.effectivePeriod?.end ?? (m.effectiveDateTime && m.resourceType === 'MedicationAdministration' ? m.effectiveDateTime : undefined);
        }
        if (m.status === 'entered-in-error') {
          skip(m, 'entered-in-error');
          break;
        }
        push(m, m.subject?.reference, 'medication', start, {
          ...(drug ? { drug } : {}),
          ...(rxnorm ? { rxnorm } : {}),
          ...(start ? { start: start.slice(0, 10) } : {}),
          ...(end ? { end: end.slice(0, 10) } : {}),
        });
        break;
      }
      case 'Observation': {
        const o: Observation = r;
        if (o.status === 'entered-in-error' || o.status === 'cancelled') {
          skip(o, `status ${o.status}`);
          break;
        }
        const code = codeIn(o.code, SYSTEMS.loinc);
        const date = o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued;
        if (code === LOINC_ECOG) {
          const v = o.valueInteger ?? o.valueQuantity?.value ?? Number.parseInt(o.valueCodeableConcept?.coding?.[0]?.display ?? o.valueCodeableConcept?.text ?? '', 10);
          if (typeof v === 'number' && Number.isInteger(v)) push(o, o.subject?.reference, 'performance-status', date, { ecog: v });
          else skip(o, 'ECOG without an integer value');
          break;
        }
        const def = labDefinition(code, textOf(o.code));
        const q = o.valueQuantity;
        if (!def) {
          skip(o, `observation code not mapped (${code ?? textOf(o.code) ?? 'no code'})`);
          break;
        }
        if (q?.value === undefined) {
          skip(o, 'observation without valueQuantity');
          break;
        }
        const high = o.referenceRange?.find((rr) => rr.high?.value !== undefined)?.high;
        push(o, o.subject?.reference, 'lab', date, {
          ...(code ? { code } : { name: def.name }),
          value: q.value,
          unit: q.code ?? q.unit ?? def.unit,
          ...(high?.value !== undefined ? { uln: high.value, ...(high.code ?? high.unit ? { ulnUnit: high.code ?? high.unit } : {}) } : {}),
        });
        break;
      }
      case 'Procedure': {
        const p: Procedure = r;
        const text = [textOf(p.code), ...(p.code?.coding ?? []).map((c) => c.display ?? '')].join(' ');
        const kind = PROCEDURE_TEXT.find(([re]) => re.test(text))?.[1];
        if (!kind) {
          skip(p, `procedure not mapped (${textOf(p.code) ?? 'no code text'})`);
          break;
        }
        push(p, p.subject?.reference, 'procedure', p.performedDateTime ?? p.performedPeriod?.start, { kind });
        break;
      }
      default:
        skip(r, 'resource type not mapped');
    }
  }
  return out;
}

import { readIscn, type IscnFinding } from './iscn';

const found = (abnormality: string, percentCells: number | null = null, copyNumber: number | null = null): IscnFinding => ({ abnormality, detected: true, percentCells, copyNumber });
const notFound = (abnormality: string): IscnFinding => ({ abnormality, detected: false, percentCells: null, copyNumber: null });

describe('readIscn: the myeloma abnormalities an ISCN description reports', () => {
  it.each([
    // Interphase FISH: copy numbers per nucleus, with the share of nuclei scored.
    ['nuc ish(TP53x1,D17Z1x2)[68/200]', [found('del(17p)', 34)]],
    ['nuc ish 17p13.1(TP53x1),17p11.2(D17Z1x2)[30/200]', [found('del(17p)', 15)]],
    ['nuc ish(TP53,D17Z1)x1[90/200]', [found('del(17p)', 45)]],
    ['nuc ish(TP53x2)[200]', [notFound('del(17p)')]],
    ['nuc ish(TP53 × 1)[50/200]', [found('del(17p)', 25)]],
    ['nuc ish 1q21(CKS1Bx3)[120/200]', [found('gain(1q)', 60, 3)]],
    ['nuc ish 1q21(CKS1Bx4)[100/200]', [found('gain(1q)', 50, 4), found('amp(1q)', 50, 4)]],
    ['nuc ish 1p32(CDKN2Cx1)[80/200]', [found('del(1p32)', 40, 1)]],
    ['nuc ish(CDKN2Cx2)[200]', [notFound('del(1p32)')]],
    // IGH fusions, any spelling of the fusion and of the probes; the probes side by side unfused are the normal pattern.
    ['nuc ish(FGFR3,IGH)x3(FGFR3 con IGHx2)[150/200]', [found('t(4;14)', 75)]],
    ['nuc ish(FGFR3,IGH)x3(FGFR3conIGHx2)[150/200]', [found('t(4;14)', 75)]],
    ['nuc ish(IGH@,CCND1)x3(IGH@ con CCND1x2)[110/200]', [found('t(11;14)', 55)]],
    ['nuc ish(CCND1 con IGH)x2[110/200]', [found('t(11;14)', 55)]],
    ['nuc ish(CCND1,IGH)x3(CCND1::IGHx2)[110/200]', [found('t(11;14)', 55)]],
    ['nuc ish(C-MAF,IGH)x3(IGH con C-MAFx2)[40/200]', [found('t(14;16)', 20)]],
    ['nuc ish(IGH,MAFB)x3(IGH con MAFBx2)[40/200]', [found('t(14;20)', 20)]],
    ['nuc ish(CCND1,IGH)x2[200]', [notFound('t(11;14)')]],
    // Clones: their nuclei added up per abnormality.
    ['nuc ish(TP53x1)[30/200]/(TP53x0)[15/200]/(TP53x2)[155/200]', [found('del(17p)', 22.5)]],
    ['nuc ish(CKS1Bx4)[30/200]/(CKS1Bx3)[20/200]/(CKS1Bx2)[150/200]', [found('gain(1q)', 25, 3), found('amp(1q)', 15, 4)]],
    ['nuc ish(CDKN2Cx1)[20/200]/(CDKN2Cx0)[40/200]/(CDKN2Cx2)[140/200]', [found('del(1p32)', 30), found('del(1p32)-biallelic', 20, 0)]],
    // A karyotype: what it shows, by name; nothing of what it does not.
    ['46,XY,t(11;14)(q13;q32)[15]/46,XY[5]', [found('t(11;14)')]],
    ['45,X,-Y,der(14)t(4;14)(p16;q32),del(17)(p13)[12]/46,XY[8]', [found('t(4;14)'), found('del(17p)')]],
    ['44,XX,i(1)(q10),-13,-17[10]/46,XX[10]', [found('gain(1q)'), found('del(17p)')]],
    ['46,XX[20]', []],
    ['47,XY,del(17)(p13.3),+19[10]', []],
    ['46,XY,t(9;22)(q34;q11.2)[20]', []],
    // Both: the karyotype's findings beside the FISH's.
    ['46,XY,t(4;14)(p16;q32)[10]/46,XY[10].nuc ish(CKS1Bx3)[80/200]', [found('gain(1q)', 40, 3), found('t(4;14)')]],
  ])('%s', (iscn, findings) => {
    expect(readIscn(iscn)).toEqual({ findings });
  });

  it.each([
    // Never a "not found" from what was not understood: the whole description is unread.
    ["nuc ish(CCND1x3),(5'IGH,3'IGH)x2(5'IGH sep 3'IGHx1)[60/200]", 'an IGH break-apart split beside partner probes without a fusion'],
    ['nuc ish(IGH/CCND1 fusion)x2[110/200]', 'a probe not read (IGH/CCND1 fusion)'],
    ['nuc ish(TP53x1~2)[50/200]', 'a probe not read (TP53x1~2)'],
    ['nuc ish(TP53x2,D17Z1x3)[60/200]', 'TP53 at two copies beside more of chromosome 17 (a relative loss)'],
    ['nuc ish(TP53x1)', 'del(17p) in a clone without its count of nuclei (or clones counted over different totals)'],
    ['nuc ish(TP53x1)[20/0]', 'a count of nuclei that cannot be ((TP53x1)[20/0])'],
    ['nuc ish TP53 amp', 'a signal pattern not read (TP53 amp)'],
    ['46,XY,t(11;14)(q13;q32)[20] nuc ish(CCND1,IGH)x2[200]', 'the karyotype shows t(11;14), the FISH does not'],
    ['ish del(17)(p13.1)(TP53-)', 'metaphase FISH (ish) is not read'],
  ])('%s is not read', (iscn, reason) => {
    expect(readIscn(iscn)).toEqual({ unread: reason });
  });

  it('reads a dual-fusion probe set scored on its own as it says, whatever an IGH break-apart set beside it shows', () => {
    expect(readIscn("nuc ish(5'IGH,3'IGH)x2(5'IGH sep 3'IGHx1)[60/200],(CCND1,IGH)x2[200]")).toEqual({ findings: [notFound('t(11;14)')] });
  });

  it('reads each probe of a FISH panel with its own count of nuclei', () => {
    expect(readIscn('nuc ish 17p13(TP53x2)[200],1q21(CKS1Bx3)[120/250],(CCND1,IGH)x3(CCND1 con IGHx2)[150/200]')).toEqual({
      findings: [notFound('del(17p)'), found('gain(1q)', 48, 3), found('t(11;14)', 75)],
    });
  });
});

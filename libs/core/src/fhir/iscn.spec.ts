import { readIscn } from './iscn';

describe('readIscn: the myeloma abnormalities an ISCN description reports', () => {
  it.each([
    // Interphase FISH: copy numbers per nucleus, with the share of nuclei scored.
    ['nuc ish(TP53x1,D17Z1x2)[68/200]', [{ abnormality: 'del(17p)', detected: true, percentCells: 34, copyNumber: null }]],
    ['nuc ish 17p13(TP53x1)[30/200]', [{ abnormality: 'del(17p)', detected: true, percentCells: 15, copyNumber: null }]],
    ['nuc ish(TP53,D17Z1)x1[90/200]', [{ abnormality: 'del(17p)', detected: true, percentCells: 45, copyNumber: null }]],
    ['nuc ish(TP53x2)[200]', [{ abnormality: 'del(17p)', detected: false, percentCells: null, copyNumber: null }]],
    ['nuc ish 1q21(CKS1Bx3)[120/200]', [{ abnormality: 'gain(1q)', detected: true, percentCells: 60, copyNumber: 3 }]],
    ['nuc ish 1q21(CKS1Bx4)[100/200]', [{ abnormality: 'gain(1q)', detected: true, percentCells: 50, copyNumber: 4 }]],
    ['nuc ish 1p32(CDKN2Cx1)[80/200]', [{ abnormality: 'del(1p32)', detected: true, percentCells: 40, copyNumber: 1 }]],
    ['nuc ish(CDKN2Cx2)[200]', [{ abnormality: 'del(1p32)', detected: false, percentCells: null, copyNumber: 2 }]],
    // IGH fusions, either order; the probes side by side without a fusion are the normal pattern.
    ['nuc ish(FGFR3,IGH)x3(FGFR3 con IGHx2)[150/200]', [{ abnormality: 't(4;14)', detected: true, percentCells: 75, copyNumber: null }]],
    ['nuc ish(CCND1,IGH)x3(IGH con CCND1x2)[110/200]', [{ abnormality: 't(11;14)', detected: true, percentCells: 55, copyNumber: null }]],
    ['nuc ish(IGH,MAF)x3(IGH con MAFx2)[40/200]', [{ abnormality: 't(14;16)', detected: true, percentCells: 20, copyNumber: null }]],
    ['nuc ish(IGH,MAFB)x3(IGH con MAFBx2)[40/200]', [{ abnormality: 't(14;20)', detected: true, percentCells: 20, copyNumber: null }]],
    ['nuc ish(CCND1,IGH)x2[200]', [{ abnormality: 't(11;14)', detected: false, percentCells: null, copyNumber: null }]],
    // A karyotype: what it shows, by name; nothing of what it does not.
    ['46,XY,t(11;14)(q13;q32)[15]/46,XY[5]', [{ abnormality: 't(11;14)', detected: true, percentCells: null, copyNumber: null }]],
    ['45,X,-Y,t(4;14)(p16;q32),del(17)(p13)[12]/46,XY[8]', [
      { abnormality: 't(4;14)', detected: true, percentCells: null, copyNumber: null },
      { abnormality: 'del(17p)', detected: true, percentCells: null, copyNumber: null },
    ]],
    ['46,XX[20]', []],
    // A break-apart IGH probe says a rearrangement, not with which partner: not read.
    ["nuc ish(5'IGH,3'IGH)x2(5'IGH sep 3'IGHx1)[60/200]", []],
    ['t(9;22)(q34;q11.2)', []],
  ])('%s', (iscn, expected) => {
    expect(readIscn(iscn)).toEqual(expected);
  });

  it('reads each segment of a FISH panel with its own count of nuclei', () => {
    expect(readIscn('nuc ish 17p13(TP53x2)[200],1q21(CKS1Bx3)[120/200],(CCND1,IGH)x3(CCND1 con IGHx2)[150/200]')).toEqual([
      { abnormality: 'del(17p)', detected: false, percentCells: null, copyNumber: null },
      { abnormality: 'gain(1q)', detected: true, percentCells: 60, copyNumber: 3 },
      { abnormality: 't(11;14)', detected: true, percentCells: 75, copyNumber: null },
    ]);
  });
});

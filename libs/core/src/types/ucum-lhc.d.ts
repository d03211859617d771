// The parts of @lhncbc/ucum-lhc we use (the package ships no type declarations).
declare module '@lhncbc/ucum-lhc' {
  interface ConversionResult {
    status: 'succeeded' | 'failed' | 'error';
    toVal: number | null;
    msg: string[];
  }
  export class UcumLhcUtils {
    static getInstance(): UcumLhcUtils;
    convertUnitTo(fromUnit: string, fromValue: number, toUnit: string, options?: { molecularWeight?: number; suggest?: boolean }): ConversionResult;
  }
}

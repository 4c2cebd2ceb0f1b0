import type { CodeTable, CanonicalOutcome } from './code-sets/code-mapping.ts';
import { genericCodes } from './code-sets/generic.ts';
import { kdniaoCodes } from './code-sets/kdniao.ts';
import { kuaidi100Codes } from './code-sets/kuaidi100.ts';

/** The mapping tables by code-set name (for documentation endpoints and tests). */
export const codeTables = {
  generic: genericCodes,
  kuaidi100: kuaidi100Codes,
  kdniao: kdniaoCodes,
} as const satisfies Readonly<Record<string, CodeTable>>;

export type CodeSetName = keyof typeof codeTables;

/** Names of the supported code sets (for schemas and error messages). */
export const codeSets: readonly CodeSetName[] = ['generic', 'kuaidi100', 'kdniao'];

/** A raw code found in its code set; `meaning` is the code set's own description of it. */
export type MappedCode = CanonicalOutcome & {
  readonly known: true;
  readonly codeSet: CodeSetName;
  readonly rawCode: string;
  readonly meaning: string;
};

/** A raw code the code set does not define; `message` is ready to show the caller. */
export type UnknownCode = {
  readonly known: false;
  readonly codeSet: CodeSetName;
  readonly rawCode: string;
  readonly message: string;
};

/**
 * Every row already shaped as a MappedCode, built once: a lookup then allocates nothing, and a
 * Map (unlike a plain object) has no prototype members that "constructor" could hit.
 */
const mappedCodes: ReadonlyMap<CodeSetName, ReadonlyMap<string, MappedCode>> = new Map(
  codeSets.map((codeSet) => [
    codeSet,
    new Map(
      Object.entries(codeTables[codeSet]).map(([rawCode, row]): [string, MappedCode] => [
        rawCode,
        Object.freeze({ ...row, known: true, codeSet, rawCode }),
      ]),
    ),
  ]),
);

/** Maps a carrier's raw code through its code set; an unknown code is a result, not a throw. */
export function mapCarrierCode(codeSet: CodeSetName, rawCode: string): MappedCode | UnknownCode {
  const mapped = mappedCodes.get(codeSet)?.get(rawCode);
  if (mapped !== undefined) return mapped;
  return {
    known: false,
    codeSet,
    rawCode,
    message: `raw code "${rawCode}" is not in the ${codeSet} code set; known codes: ${Object.keys(codeTables[codeSet]).join(', ')}`,
  };
}

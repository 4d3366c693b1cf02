/**
 * Every code the reference marks as inferred ([I]): lost in the seed's OCR or
 * not printed legibly. They live here, and only here, so that correcting one is
 * a one-line change: the statements, formulas, templates and reports all read
 * the code from this table.
 */
export const INFERRED = {
  /** (a) line 2, net unrealized profit (loss) in open futures: code lost in OCR. */
  segUnrealized: "7030",
  /** (a) line 8C, DCO margins: securities in lieu of cash. */
  segDcoInLieu: "7120",
  /** (a) line 14, excess (deficiency) funds in segregation. */
  segExcess: "7190",
  /** (c) page 1 line 1B, net ledger balance: securities. */
  securedSecurities: "7317",
  /** (d) line 5, less amount offset by customer owned securities. */
  swapsOffset: "8570",
  /** (e) the capital computation layout; only 7475 is printed in the seed. */
  capCustomerRiskMargin: "7415",
  capCustomerRiskPct: "7425",
  capNoncustomerRiskMargin: "7435",
  capNoncustomerRiskPct: "7445",
  capRiskBased: "7455",
  capMinimumDollar: "7465",
  capMinimum: "7490",
  /** Early-warning level: not printed legibly in the seed; the code is ours until confirmed. */
  capEarlyWarning: "7495",
  /** Adjusted net capital from the FOCUS Part II computation of net capital. */
  capNetCapital: "3750",
} as const;

/** Why each inferred code is only inferred, for reports and the pane. */
export const INFERRED_NOTES: Record<string, string> = {
  [INFERRED.segUnrealized]: "code lost in the seed's OCR; value printed",
  [INFERRED.segDcoInLieu]: "code lost in the seed's OCR; value printed",
  [INFERRED.segExcess]: "code lost in the seed's OCR; value printed",
  [INFERRED.securedSecurities]: "code lost in the seed's OCR; value printed",
  [INFERRED.swapsOffset]: "code and value lost in the seed's OCR",
  [INFERRED.capCustomerRiskMargin]: "capital layout inferred from Reg 1.17",
  [INFERRED.capCustomerRiskPct]: "capital layout inferred from Reg 1.17",
  [INFERRED.capNoncustomerRiskMargin]: "capital layout inferred from Reg 1.17",
  [INFERRED.capNoncustomerRiskPct]: "capital layout inferred from Reg 1.17",
  [INFERRED.capRiskBased]: "capital layout inferred from Reg 1.17",
  [INFERRED.capMinimumDollar]: "capital layout inferred from Reg 1.17",
  [INFERRED.capMinimum]: "capital layout inferred from Reg 1.17",
  [INFERRED.capEarlyWarning]: "early-warning code not printed legibly; provisional",
  [INFERRED.capNetCapital]: "net capital line of the FOCUS Part II computation",
};

export function isInferred(code: string): boolean {
  return code in INFERRED_NOTES;
}

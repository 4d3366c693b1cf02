/**
 * The seed filing's figures (HSBC Securities (USA) Inc., FOCUS Part II as of 11/30/20),
 * read from ../shared/seed. null = printed blank, or lost in the OCR (noted).
 * Deduct lines are keyed the way the filing prints them: 7033 and 7047 in
 * parentheses (negative), 7133 as a plain magnitude. Both keyings are correct.
 */
export const SEED_ASOF = "2020-11-30";
export const SEED_FIRM = "HSBC SECURITIES (USA) INC.";

export const SEED: Record<string, number | string | null> = {
  // (a) 4d(2) segregation
  "7010": 1443907046, "7020": 1535003808,
  "7030": 538004715, // code lost in the OCR; the value is printed
  "7032": 295487120, "7033": -52837332, "7040": 3759565357,
  "7045": 34375, "7047": -34375, "7050": 0, "7060": 3759565357,
  "7070": 191652393,
  "7080": null, // lost: the line-13 gap of 477,038,837 sits in 7080, 7090, 7110 or 7160
  "7090": null, // lost: a stray 322,033,030 on the line-8 header is probably this line's
  "7100": 1748149521,
  "7110": null, // lost
  "7120": 939638754, // code lost in the OCR; the value is printed
  "7130": 20668841, "7132": 295487120, "7133": 52837332, "7140": 572576,
  "7160": null, // lost
  "7170": 27617188, "7150": 245694236,
  "7180": 3893682134, "7190": 134116777, "7194": 122000000, "7198": 12116777,
  // (b) 32.6 dealer options: printed blank
  "7200": null, "7210": null, "7220": null, "7230": null, "7240": null,
  // (c) 30.7 secured amounts, page 1
  "7305": 0, "7315": 92537891, "7317": 18965347, "7325": 20418753, "7335": 0, "7337": 0, "7345": 131921991,
  "7351": 118366, "7352": -118193, "7354": 173, "7355": 131922164, "7360": 131922164,
  // (c) page 2
  "7500": 45056501, "7510": "HARRIS TRUST", "7520": 0, "7530": 45056501,
  "7540": 18965347, "7550": "HARRIS TRUST", "7560": 0, "7570": 18965347,
  "7580": 0, "7590": 0, "7600": 0, "7610": 0, "7615": 0, "7620": 0,
  "7630": null, "7640": null, "7650": null, "7660": null, "7670": null, "7675": null, "7680": null,
  "7690": null, "7700": 73513270, "7710": 0, "7720": 20418753, "7730": 0, "7735": 0, "7740": 93932023,
  "7750": null, "7760": 0, "7765": 0, "7770": 157953871, "7380": 26031707, "7780": 15000000, "7785": 11031707,
  // (d) 4d(f) cleared swaps
  "8500": 176054815, "8510": 801697666, "8520": 314692123, "8530": 0, "8540": 0, "8550": 1292444604,
  "8560": 4580131,
  "8570": -4576229, // lost in the OCR; recovered by the identity the reference states (8560 - 8580)
  "8580": 3902, "8590": 1292448506,
  "8600": 58975497, "8610": 0, "8620": 4649962, "8630": 469259990, "8640": 49971341, "8650": 797047704,
  "8660": -4057550, "8670": 0, "8680": 0, "8690": 0, "8700": 0, "8710": 0, "8715": 0,
  "8720": 1375846944, "8730": 83398438, "8760": 73000000, "8770": 10398438,
  // (e) capital: only the tail is printed; the risk-based line binds the minimum and 110% of it is the early-warning level
  "7455": 471057307, "7490": 471057307, "7495": 518163038,
};

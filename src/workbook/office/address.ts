/** Column width in points for a width in characters of the default font (8.43 characters = 64 px = 48 pt). */
export const charactersToPoints = (chars: number): number =>
  Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

/**
 * Okabe-Ito colours (Okabe & Ito 2008): distinguishable by viewers with the common colour-vision
 * deficiencies, and dark enough on white for a projector.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#999999',
  black: '#000000',
} as const;

/** Agent and membership states: contributed, read, absent. */
export const STATE_COLOURS = { contributed: OKABE_ITO.vermillion, read: OKABE_ITO.blue, absent: '#d9d9d9' } as const;

/** Colours for up to eight lines, in order. */
export const LINE_COLOURS = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.green,
  OKABE_ITO.orange,
  OKABE_ITO.purple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
  OKABE_ITO.grey,
];

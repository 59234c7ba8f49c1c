/**
 * The parts of d3 the page uses, each from its own module (d3-selection, d3-scale...): the page bundles
 * these and nothing else of d3. Charts import this file as `d3`.
 */
export { select, type Selection } from 'd3-selection';
export { scaleBand, scaleLinear, scalePoint, scaleSequential, type ScaleLinear } from 'd3-scale';
export { area, curveStep, line, symbol, symbolDiamond, type Area, type Line } from 'd3-shape';
export { axisBottom, axisLeft, type AxisScale } from 'd3-axis';
export { format } from 'd3-format';
export { extent, range } from 'd3-array';
export { interpolateBlues, interpolateViridis } from 'd3-scale-chromatic';
export { hierarchy, pack } from 'd3-hierarchy';

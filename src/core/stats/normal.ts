/** The standard normal quantile for a two-sided 95% interval, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

export type Interval = readonly [low: number, high: number];

/**
 * The most organisations a synthetic region has (synthetic-region.ts), on its own so that the command line can
 * say so without loading the generator.
 */
export const MAX_REGION_SIZE = 99;

// Names as the knowledge base compares them.

/** PEP 503-style comparison key, keeping dots: `Oslo_Config` and `oslo-config` are `oslo.config`. */
export function normaliseDistribution(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '.');
}

/**
 * The reference a person who reported is given, and that staff see in the queue: read out over
 * the phone, so short, uppercase and grouped. Taken from the report's random id (the first 32
 * bits): said together with the date and the province it names one report.
 */
export function reportReference(id: string): string {
  const hex = id.replace(/-/g, '').slice(0, 8).toUpperCase();
  return `PA-${hex.slice(0, 4)}-${hex.slice(4)}`;
}

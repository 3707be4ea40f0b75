/**
 * The part of GS1's `digital-link.js` (Digimarc, GS1 Digital Link grammar 1.2) the tests use; the
 * package ships no types.
 */
declare module 'digital-link.js' {
  type Options = {
    domain: string;
    identifier: Record<string, string>;
    keyQualifiers?: Record<string, string>;
    attributes?: Record<string, string>;
    sortKeyQualifiers?: boolean;
    linkType?: string;
  };
  export type DigitalLinkObject = {
    isValid(): boolean;
    toWebUriString(): string;
    getIdentifier(): Record<string, string>;
    getKeyQualifiers(): Record<string, string>;
    getAttributes(): Record<string, string>;
    getLinkType(): string | null;
    getValidationTrace(): { trace: { rule: string; match: string; remainder: string }[]; success: boolean };
    setLinkType(linkType: string): DigitalLinkObject;
  };
  export function DigitalLink(input?: string | Options): DigitalLinkObject;
}

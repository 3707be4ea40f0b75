/** Codes in one intake session or one bulk request: a delivery, not a warehouse. Shared by the API and the page. */
export const MAX_INTAKE_CODES = 1000;

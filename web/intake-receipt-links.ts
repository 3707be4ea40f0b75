/** Where a receipt's printable page, PDF and JWS live: for the pages and the intake script alike. */
export const receiptLinks = (id: string) => ({
  page: `/console/intake/receipts/${id}`,
  pdf: `/api/v1/intakes/${id}/receipt.pdf`,
  jws: `/api/v1/intakes/${id}/receipt`,
});

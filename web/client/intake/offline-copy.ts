/** The header the intake service worker puts on answers it gave from its cache because the network failed. */
export const FROM_CACHE_HEADER = 'x-ocop-offline-copy';

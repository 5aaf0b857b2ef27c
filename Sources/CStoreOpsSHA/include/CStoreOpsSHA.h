#ifndef CSTOREOPSSHA_H
#define CSTOREOPSSHA_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the x86 SHA extensions (and the SSE levels the accelerated compression needs).
int storeops_sha256_accelerated(void);

/// Compresses `blocks` 64-byte blocks at `data` into `state` (a, b, ... h) with the x86 SHA extensions.
/// Call only when `storeops_sha256_accelerated()` is non-zero.
void storeops_sha256_compress(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif

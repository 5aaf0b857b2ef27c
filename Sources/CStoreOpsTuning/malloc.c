#include "CStoreOpsTuning.h"

#if defined(__has_include)
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#endif

void storeops_malloc_configure(void) {
#if defined(__GLIBC__) && defined(M_TOP_PAD)
    mallopt(M_TOP_PAD, 4 << 20);
#endif
}

/*
 * entry.c - libFuzzer's entry point for one harness: fuzz/run.sh builds
 * it with -DFUZZ_TARGET=fuzz_NAME beside fuzz/fuzz_NAME.c.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return FUZZ_TARGET(data, size);
}

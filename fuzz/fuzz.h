/*
 * fuzz.h - shared by the libFuzzer harnesses fuzz/fuzz_*.c, which
 * tests/check_replay.c also includes to replay saved inputs.
 */
#ifndef DG_FUZZ_H
#define DG_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "dg.h"

/* A broken property is a crash, so libFuzzer saves the input. */
#define FUZZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: property failed: %s\n",	\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

/* The library reports running out of memory; a fuzz input never should
 * make it do so. */
#define FUZZ_OK(expr) FUZZ_CHECK((expr) == DG_OK)

#endif

/* Outside the guard: tests/check_replay.c includes several harnesses,
 * each with this entry point renamed. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * fuzz.h - shared by the libFuzzer harnesses fuzz/fuzz_*.c.  Each harness
 * is a plain function, fuzz_NAME(data, size); fuzz/entry.c makes it
 * libFuzzer's entry point, and tests/check_replay.c calls it on saved
 * inputs.
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

/* The harnesses: each returns 0, or aborts on a broken property. */
int fuzz_alias(const uint8_t *data, size_t size);
int fuzz_chart(const uint8_t *data, size_t size);
int fuzz_glob(const uint8_t *data, size_t size);
int fuzz_links(const uint8_t *data, size_t size);
int fuzz_parse(const uint8_t *data, size_t size);
int fuzz_stats(const uint8_t *data, size_t size);
int fuzz_tsv(const uint8_t *data, size_t size);

#endif

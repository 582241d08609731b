/*
 * num_int.h - numbers read from text: overflow-checked 64-bit counts and
 * chart values.  Strings are pointer + length, not NUL-terminated.
 */
#ifndef DG_NUM_INT_H
#define DG_NUM_INT_H

#include "dg.h"

/* Parses a count: one or more ASCII digits, nothing else, at most
 * UINT64_MAX.  DG_OK, DG_ENUMBER or DG_ERANGE. */
int dg_num_u64(const char *s, size_t n, uint64_t *v);

/* Appends v in decimal (no snprintf: counts and section numbers are
 * written once a record). */
int dg_num_put(dg_buf *b, uint64_t v);

/* Adds b to *a; DG_ERANGE (and *a unchanged) when the sum would not fit
 * in 64 bits: counts never wrap. */
int dg_num_add(uint64_t *a, uint64_t b);

/* A chart value. */
typedef struct {
	double d;	/* the value */
	uint64_t u;	/* the same, exactly, when isint */
	int isint;	/* written as digits only and fits in 64 bits */
} dg_value;

/*
 * Parses a decimal value: an optional sign, digits with an optional
 * fraction (12, 12.5, .5, 12.), an optional exponent (1e3), blanks
 * around allowed.  DG_OK; DG_ENUMBER for anything else (nan, inf, 0x10,
 * empty); DG_ENEGATIVE below zero (-0 is zero); DG_ERANGE when it does
 * not fit in a double.
 */
int dg_num_value(const char *s, size_t n, dg_value *v);

/* Adds v to *acc, exactly while both are integers and the sum fits in
 * 64 bits; DG_ERANGE (and *acc unchanged) when a double overflows. */
int dg_value_add(dg_value *acc, const dg_value *v);

/* Appends v in decimal: exact for integers, else up to 15 significant
 * digits (12.5, 0.3, 1e+20). */
int dg_value_format(dg_buf *b, const dg_value *v);

#endif

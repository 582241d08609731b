/* num.c - counts and chart values read from text, overflow checked. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii_int.h"
#include "num_int.h"

int
dg_num_u64(const char *s, size_t n, uint64_t *v)
{
	uint64_t x = 0;
	size_t i;

	if (n == 0)
		return DG_ENUMBER;
	for (i = 0; i < n; i++) {
		if (!dg_ascii_digit((unsigned char)s[i]))
			return DG_ENUMBER;
		if (__builtin_mul_overflow(x, 10, &x) ||
		    __builtin_add_overflow(x, (uint64_t)(s[i] - '0'), &x))
			return DG_ERANGE;
	}
	*v = x;
	return DG_OK;
}

int
dg_num_add(uint64_t *a, uint64_t b)
{
	uint64_t sum;

	if (__builtin_add_overflow(*a, b, &sum))
		return DG_ERANGE;
	*a = sum;
	return DG_OK;
}

static size_t
digits(const char *s, size_t i, size_t n)
{
	while (i < n && dg_ascii_digit((unsigned char)s[i]))
		i++;
	return i;
}

/* Checks the syntax by hand, so that strtod's extras (nan, inf, hex,
 * locale) never apply; strtod then only converts. */
int
dg_num_value(const char *s, size_t n, dg_value *v)
{
	char small[64], *copy, *end;
	size_t i = 0, start, d0, d1, f0, f1;
	int neg = 0, isint, st = DG_OK;
	double d;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	start = i;
	d0 = i;
	d1 = i = digits(s, i, n);
	f0 = f1 = i;
	if (i < n && s[i] == '.') {
		f0 = i + 1;
		f1 = i = digits(s, i + 1, n);
	}
	if (d1 == d0 && f1 == f0)
		return DG_ENUMBER;
	isint = f0 == f1 && i == d1;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i == n || !dg_ascii_digit((unsigned char)s[i]))
			return DG_ENUMBER;
		i = digits(s, i, n);
	}
	if (i != n)
		return DG_ENUMBER;
	n -= start;
	s += start;
	/* Digits alone: no strtod (a conversion to double rounds as it
	 * does). */
	if (isint && dg_num_u64(s, n, &v->u) == DG_OK) {
		if (neg && v->u != 0)
			return DG_ENEGATIVE;
		v->d = (double)v->u;
		v->isint = 1;
		return DG_OK;
	}
	if (n < sizeof(small))
		copy = small;
	else if ((copy = malloc(n + 1)) == NULL)
		return DG_ENOMEM;
	memcpy(copy, s, n);
	copy[n] = '\0';
	errno = 0;
	d = strtod(copy, &end);
	if (errno == ERANGE && isinf(d))
		st = DG_ERANGE;
	if (copy != small)
		free(copy);
	if (st != DG_OK)
		return st;
	if (neg && d != 0)
		return DG_ENEGATIVE;
	v->d = d == 0 ? 0 : d;
	v->isint = isint && dg_num_u64(s, n, &v->u) == DG_OK;
	if (!v->isint)
		v->u = 0;
	return DG_OK;
}

int
dg_value_add(dg_value *acc, const dg_value *v)
{
	double d = acc->d + v->d;
	uint64_t u;

	if (isinf(d))
		return DG_ERANGE;
	if (acc->isint && v->isint &&
	    !__builtin_add_overflow(acc->u, v->u, &u))
		acc->u = u;
	else {
		acc->isint = 0;
		acc->u = 0;
	}
	acc->d = d;
	return DG_OK;
}

int
dg_num_put(dg_buf *b, uint64_t v)
{
	char s[20];	/* UINT64_MAX has 20 digits */
	size_t i = sizeof(s);

	do
		s[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	return dg_buf_add(b, s + i, sizeof(s) - i);
}

int
dg_value_format(dg_buf *b, const dg_value *v)
{
	char s[32];
	int n;

	if (v->isint)
		return dg_num_put(b, v->u);
	n = snprintf(s, sizeof(s), "%.15g", v->d);
	if (n < 0 || (size_t)n >= sizeof(s))
		return DG_ENOMEM;
	return dg_buf_add(b, s, (size_t)n);
}

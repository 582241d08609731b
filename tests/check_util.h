/* Shared by the Check unit test programs: one per library module. */
#ifndef CHECK_UTIL_H
#define CHECK_UTIL_H

#include <check.h>

#include "dg.h"

/* Runs suite s, prints Check's summary, returns the exit status. */
int dg_check_run(Suite *s);
/* Compares a dg_str or a buffer with a C string, reporting both. */
void dg_check_str(dg_str got, const char *want, const char *what);
/* Writes all n bytes at p to fd. */
void dg_check_write_all(int fd, const char *p, size_t n);
/* An unlinked temporary file holding the n bytes at p, rewound. */
int dg_check_temp_file(const char *p, size_t n);

#endif

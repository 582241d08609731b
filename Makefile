# dg - a toolkit for archives of daily AI digests.  See README.md.
# GNU make.  `make` builds bin/; `make check` runs every test.

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANPREFIX = $(PREFIX)/share/man
COMPDIR = $(PREFIX)/share/bash-completion/completions

CC = cc
AR = ar
CFLAGS = -O2 -g
WARN = -std=c11 -pedantic -W -Wall -Wextra -Wmissing-prototypes \
	-Wstrict-prototypes -Wwrite-strings -Wshadow -Wpointer-arith \
	-Wcast-qual -Wformat=2 -Wundef -Wvla -Wnull-dereference
CPPFLAGS = -D_POSIX_C_SOURCE=200809L -Iinclude
LDFLAGS =
# dg-cat reads a big file with a thread per processor.
THREADS = -pthread

# B is a prefix for build output, so that a sanitizer build (B=san/)
# can sit beside the normal one.
B =
OBJ = $(B)obj
BIN = $(B)bin

LIBSRC = $(wildcard lib/*.c)
LIBOBJ = $(LIBSRC:%.c=$(OBJ)/%.o)
LIB = $(OBJ)/libdg.a
HDR = include/dg.h $(wildcard include/dg/*.h lib/*_int.h) tests/check_util.h
CMDS = $(patsubst cmd/%.c,$(BIN)/%,$(wildcard cmd/*.c))
CHECKSRC = $(filter-out tests/check_util.c,$(wildcard tests/check_*.c))
CHECKS = $(CHECKSRC:%.c=$(OBJ)/%)
CHECKLIBS = `pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lm -lrt -pthread`
MANS = $(wildcard man/*.[157])

SANFLAGS = -O1 -g -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all
TSANFLAGS = -O1 -g -fsanitize=thread

all: $(CMDS)

$(OBJ)/%.o: %.c $(HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(THREADS) -c -o $@ $<

# The replay test calls the fuzz harnesses.
FUZZOBJ = $(patsubst %.c,$(OBJ)/%.o,$(wildcard fuzz/fuzz_*.c))
$(FUZZOBJ): fuzz/fuzz.h
$(OBJ)/tests/check_replay: $(OBJ)/tests/check_replay.o \
    $(OBJ)/tests/check_util.o $(FUZZOBJ) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) $(THREADS) -o $@ $^ $(CHECKLIBS)

$(LIB): $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

$(BIN)/%: $(OBJ)/cmd/%.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) $(THREADS) -o $@ $< $(LIB)

$(OBJ)/tests/check_%: $(OBJ)/tests/check_%.o $(OBJ)/tests/check_util.o $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) $(THREADS) -o $@ $^ $(CHECKLIBS)

# Unit tests (Check), then end-to-end tests of the commands, then the
# man pages when mandoc is here.
check: all
	@sh tests/need-check.sh
	@$(MAKE) -s $(CHECKS)
	@fail=0; for t in $(CHECKS); do $$t || fail=1; done; \
	sh tests/e2e.sh $(BIN) || fail=1; \
	sh tests/manlint.sh $(MANS) || fail=1; \
	exit $$fail

# The same tests on a clang AddressSanitizer + UBSan build.
san:
	$(MAKE) B=san/ CC=clang CFLAGS='$(SANFLAGS)' LDFLAGS='$(SANFLAGS)' check

# The same tests on a clang ThreadSanitizer build, for dg-cat's threads.
tsan:
	TSAN_OPTIONS=halt_on_error=1 $(MAKE) B=tsan/ CC=clang \
	    CFLAGS='$(TSANFLAGS)' LDFLAGS='$(TSANFLAGS)' check

# The report in examples/ built with the fresh commands, into demo/.
demo: all
	@$(MAKE) -s -C examples BIN=$(CURDIR)/$(BIN) OUT=$(CURDIR)/demo

# Timings against the tools a user would otherwise reach for.
bench: all
	@sh bench/run.sh $(BIN)

# libFuzzer harnesses (clang), each run for FUZZTIME seconds.
FUZZTIME = 60
fuzz:
	@sh fuzz/run.sh $(FUZZTIME)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(MANPREFIX)/man7
	for c in $(CMDS); do cp -f $$c $(DESTDIR)$(BINDIR)/; done
	for m in $(MANS); do s=$${m##*.}; \
		cp -f $$m $(DESTDIR)$(MANPREFIX)/man$$s/; done
	mkdir -p $(DESTDIR)$(COMPDIR)
	for c in $(CMDS); do \
		cp -f completions/dg.bash $(DESTDIR)$(COMPDIR)/$${c##*/}; done

uninstall:
	for c in $(CMDS); do rm -f $(DESTDIR)$(BINDIR)/$${c##*/}; done
	for m in $(MANS); do s=$${m##*.}; \
		rm -f $(DESTDIR)$(MANPREFIX)/man$$s/$${m##*/}; done
	for c in $(CMDS); do rm -f $(DESTDIR)$(COMPDIR)/$${c##*/}; done

clean:
	rm -rf obj bin san tsan demo fuzzbuild

.PHONY: all check san tsan demo bench fuzz install uninstall clean

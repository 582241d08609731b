# dg - a toolkit for archives of daily AI digests.  See README.md.
# GNU make.  `make` builds bin/; `make check` runs every test.
#
#	lib/		libdg.a: the digest parser, the dg TSV record format,
#			and what two or more commands share (no printing)
#	cmd/util/	libutil.a: messages, options, checked stdout
#	cmd/dg-NAME/	one command: main.c and the logic only it uses

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
LIBDIR = $(PREFIX)/lib
INCDIR = $(PREFIX)/include
PCDIR = $(LIBDIR)/pkgconfig
MANPREFIX = $(PREFIX)/share/man
COMPDIR = $(PREFIX)/share/bash-completion/completions

# dg needs GCC or Clang: C11 with the GNU vector extension (lib/tabs.c)
# and __builtin_*_overflow (lib/num.c).
CC = cc
AR = ar
CFLAGS = -O2 -g
WARN = -std=c11 -pedantic -W -Wall -Wextra -Wmissing-prototypes \
	-Wstrict-prototypes -Wwrite-strings -Wshadow -Wpointer-arith \
	-Wcast-qual -Wformat=2 -Wundef -Wvla -Wnull-dereference
# CI builds with WERROR=-Werror.
WERROR =
CPPFLAGS = -D_POSIX_C_SOURCE=200809L -Iinclude -Ilib
LDFLAGS =
# dg-cat reads a big file with a thread per processor.
THREADS = -pthread

# B is a prefix for build output, so that a sanitizer build (B=san/)
# can sit beside the normal one.
B =
OBJ = $(B)obj
BIN = $(B)bin

# One line per step (CC lib/digest.c); V=1 shows the whole commands.
V = 0
ifeq ($(V),1)
Q =
SAY = @:
else
Q = @
SAY = @echo
endif

COMPILE = $(CC) $(CPPFLAGS) $(WARN) $(WERROR) $(CFLAGS) $(THREADS)
LINK = $(CC) $(CFLAGS) $(LDFLAGS) $(THREADS)

LIBHDR = include/dg.h $(wildcard lib/*_int.h)
CMDHDR = $(LIBHDR) $(wildcard cmd/*/*.h)

LIBOBJ = $(patsubst %.c,$(OBJ)/%.o,$(wildcard lib/*.c))
LIB = $(OBJ)/libdg.a
UTILOBJ = $(patsubst %.c,$(OBJ)/%.o,$(wildcard cmd/util/*.c))
UTIL = $(OBJ)/libutil.a
CMDNAMES = $(notdir $(wildcard cmd/dg-*))
CMDS = $(CMDNAMES:%=$(BIN)/%)
# The commands' own modules, for the unit tests and fuzzers.
MODOBJ = $(patsubst %.c,$(OBJ)/%.o, \
	$(filter-out %/main.c,$(wildcard $(CMDNAMES:%=cmd/%/*.c))))
MODS = $(OBJ)/libcmds.a

CHECKSRC = $(filter-out tests/check_util.c,$(wildcard tests/check_*.c))
CHECKS = $(CHECKSRC:%.c=$(OBJ)/%)
CHECKLIBS = `pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lm -lrt -pthread`
MANS = $(wildcard man/*.[157])

SANFLAGS = -O1 -g -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all
TSANFLAGS = -O1 -g -fsanitize=thread

all: $(CMDS)

# The library sees only its own headers: it cannot print through util.
$(OBJ)/lib/%.o: lib/%.c $(LIBHDR)
	@mkdir -p $(@D)
	$(SAY) "CC $<"
	$(Q)$(COMPILE) -c -o $@ $<

$(OBJ)/cmd/%.o: cmd/%.c $(CMDHDR)
	@mkdir -p $(@D)
	$(SAY) "CC $<"
	$(Q)$(COMPILE) -Icmd/util -c -o $@ $<

$(OBJ)/tests/%.o: tests/%.c $(CMDHDR) tests/check_util.h
	@mkdir -p $(@D)
	$(SAY) "CC $<"
	$(Q)$(COMPILE) -Icmd/util -c -o $@ $<

$(OBJ)/fuzz/%.o: fuzz/%.c $(CMDHDR) fuzz/fuzz.h
	@mkdir -p $(@D)
	$(SAY) "CC $<"
	$(Q)$(COMPILE) -Icmd/util -c -o $@ $<

$(LIB): $(LIBOBJ)
$(UTIL): $(UTILOBJ)
$(MODS): $(MODOBJ)
$(LIB) $(UTIL) $(MODS):
	$(SAY) "AR $@"
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

# Each command is its folder's objects, libutil and libdg.
define command
$(BIN)/$(1): $(patsubst %.c,$(OBJ)/%.o,$(wildcard cmd/$(1)/*.c)) $(UTIL) $(LIB)
	@mkdir -p $$(@D)
	$$(SAY) "LD $$@"
	$$(Q)$$(LINK) -o $$@ $$^
endef
$(foreach c,$(CMDNAMES),$(eval $(call command,$(c))))

# The replay test calls the fuzz harnesses.
FUZZOBJ = $(patsubst %.c,$(OBJ)/%.o,$(wildcard fuzz/fuzz_*.c))
$(OBJ)/tests/check_replay: $(FUZZOBJ)
$(OBJ)/tests/check_%: $(OBJ)/tests/check_%.o $(OBJ)/tests/check_util.o \
    $(MODS) $(UTIL) $(LIB)
	$(SAY) "LD $@"
	$(Q)$(LINK) -o $@ $(filter %.o,$^) $(MODS) $(UTIL) $(LIB) $(CHECKLIBS)

# Unit tests (Check), then end-to-end tests of the commands, then dg-links'
# feeds and pages read by a feed reader and an HTML parser, then the man
# pages when mandoc is here, then libdg as another program uses it.
check: all
	@sh tests/need-check.sh
	@$(MAKE) -s $(CHECKS)
	@fail=0; for t in $(CHECKS); do $$t || fail=1; done; \
	sh tests/e2e.sh $(BIN) || fail=1; \
	sh tests/readers.sh $(BIN) || fail=1; \
	sh tests/manlint.sh $(MANS) || fail=1; \
	sh tests/libshape.sh $(OBJ) $(BIN) || fail=1; \
	sh tests/readme.sh $(BIN) || fail=1; \
	sh tests/installed.sh "$(MAKE)" B='$(B)' CC='$(CC)' \
	    CFLAGS='$(CFLAGS)' LDFLAGS='$(LDFLAGS)' || fail=1; \
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

# dg(7)'s GNU parallel recipes against two ssh "nodes" on 127.0.0.1.
scale-check: all
	@sh tests/scale-check.sh $(BIN)

# Timings against the tools a user would otherwise reach for.
bench: all
	@sh bench/run.sh $(BIN)

# libFuzzer harnesses (clang), each run for FUZZTIME seconds.
FUZZTIME = 60
fuzz:
	@sh fuzz/run.sh $(FUZZTIME)

install: all $(LIB)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(MANPREFIX)/man7 \
		$(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) $(DESTDIR)$(PCDIR) \
		$(DESTDIR)$(COMPDIR)
	for c in $(CMDS); do cp -f $$c $(DESTDIR)$(BINDIR)/; done
	for m in $(MANS); do s=$${m##*.}; \
		cp -f $$m $(DESTDIR)$(MANPREFIX)/man$$s/; done
	for c in $(CMDS); do \
		cp -f completions/dg.bash $(DESTDIR)$(COMPDIR)/$${c##*/}; done
	cp -f $(LIB) $(DESTDIR)$(LIBDIR)/libdg.a
	cp -f include/dg.h $(DESTDIR)$(INCDIR)/dg.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCDIR@|$(INCDIR)|' dg.pc.in >$(DESTDIR)$(PCDIR)/dg.pc

uninstall:
	for c in $(CMDS); do rm -f $(DESTDIR)$(BINDIR)/$${c##*/}; done
	for m in $(MANS); do s=$${m##*.}; \
		rm -f $(DESTDIR)$(MANPREFIX)/man$$s/$${m##*/}; done
	for c in $(CMDS); do rm -f $(DESTDIR)$(COMPDIR)/$${c##*/}; done
	rm -f $(DESTDIR)$(LIBDIR)/libdg.a $(DESTDIR)$(INCDIR)/dg.h \
		$(DESTDIR)$(PCDIR)/dg.pc

clean:
	rm -rf obj bin san tsan demo fuzzbuild

.PHONY: all check san tsan demo bench fuzz install uninstall clean scale-check

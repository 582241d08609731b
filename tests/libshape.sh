#!/bin/sh
# The shape of libdg, checked on the built objects with nm:
# - nothing in lib/ calls exit, abort or a stdio output function: the
#   library has no policy;
# - every object of libdg.a other than the digest parser and the record
#   formatter (its reason to exist) is linked into two commands or more:
#   what one command uses lives beside that command.
# Usage: sh tests/libshape.sh OBJDIR BINDIR
obj=${1:?usage: libshape.sh OBJDIR BINDIR}
bin=${2:?usage: libshape.sh OBJDIR BINDIR}
command -v nm >/dev/null 2>&1 || { echo "libshape: no nm, not checked"; exit 0; }
fail=0
for o in "$obj"/lib/*.o; do
	bad=$(nm -u "$o" | awk '{ print $NF }' | grep -xE \
	    'exit|_exit|_Exit|abort|printf|fprintf|vprintf|vfprintf|puts|fputs|putchar|fputc|putc|fwrite|perror|stdout|stderr|__printf_chk|__fprintf_chk|__vfprintf_chk' |
	    tr '\n' ' ')
	if [ -n "$bad" ]; then
		echo "libshape: ${o##*/} calls $bad"
		fail=1
	fi
done
for o in "$obj"/lib/*.o; do
	name=${o##*/}
	case $name in digest.o|format.o) continue ;; esac
	# The object's own functions and data, as the linker sees them.
	syms=$(nm -g --defined-only "$o" | awk '{ print $NF }')
	[ -n "$syms" ] || continue
	users=
	for b in "$bin"/dg-*; do
		if nm "$b" 2>/dev/null | awk '{ print $NF }' | grep -qxF "$syms"; then
			users="$users ${b##*/}"
		fi
	done
	set -- $users
	if [ $# -lt 2 ]; then
		echo "libshape: lib/${name%.o}.c is used by${users:- no command}: it belongs beside its command"
		fail=1
	fi
done
[ $fail -eq 0 ] && echo "libshape: libdg has no policy; each shared object serves two commands or more"
exit $fail

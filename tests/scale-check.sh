#!/bin/sh
# `make scale-check`: the SCALING OUT recipes of dg(7), run for real with
# GNU parallel against two ssh "nodes" -- one throwaway sshd on 127.0.0.1
# with keys made here -- and their merged counts compared byte for byte
# with one run over all files.  Skipped, with one line saying why, where
# sshd, ssh, GNU parallel or rsync is missing.
# Usage: sh tests/scale-check.sh BINDIR
bin=$(cd "${1:?usage: scale-check.sh BINDIR}" && pwd) || exit 2
top=$(pwd)
skip() {
	echo "scale-check: skipped: $*"
	exit 0
}
sshd=$(command -v sshd || ls /usr/sbin/sshd 2>/dev/null)
[ -n "$sshd" ] || skip "no sshd (apt-get install openssh-server)"
for c in ssh ssh-keygen rsync parallel; do
	command -v $c >/dev/null 2>&1 ||
		skip "no $c (apt-get install openssh-client rsync parallel)"
done
parallel --version 2>/dev/null | grep -q 'GNU parallel' ||
	skip "parallel is not GNU parallel (apt-get install parallel)"

tmp=$(mktemp -d) || exit 2
cleanup() {
	[ -f "$tmp/sshd.pid" ] && kill "$(cat "$tmp/sshd.pid")" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM

# The server: generated keys, loopback only, a free port.
ssh-keygen -q -t ed25519 -N '' -f "$tmp/hostkey" || exit 2
ssh-keygen -q -t ed25519 -N '' -f "$tmp/userkey" || exit 2
cp "$tmp/userkey.pub" "$tmp/authorized_keys"
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd
port=
for p in $(awk 'BEGIN { srand(); for (i = 0; i < 20; i++)
    print 20000 + int(rand() * 40000) }'); do
	cat >"$tmp/sshd_config" <<EOF
Port $p
ListenAddress 127.0.0.1
HostKey $tmp/hostkey
AuthorizedKeysFile $tmp/authorized_keys
PidFile $tmp/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
EOF
	if "$sshd" -f "$tmp/sshd_config" -E "$tmp/sshd.log" 2>/dev/null; then
		for i in 1 2 3 4 5 6 7 8 9 10; do
			[ -s "$tmp/sshd.pid" ] && break
			sleep 0.2
		done
		port=$p
		break
	fi
done
[ -n "$port" ] || skip "sshd would not start ($(tail -1 "$tmp/sshd.log" 2>/dev/null))"
cat >"$tmp/ssh_config" <<EOF
Host node1 node2
	HostName 127.0.0.1
	Port $port
	User $(id -un)
	IdentityFile $tmp/userkey
	StrictHostKeyChecking no
	UserKnownHostsFile /dev/null
	LogLevel ERROR
	BatchMode yes
EOF
ok=
for i in 1 2 3 4 5 6 7 8 9 10; do
	ssh -F "$tmp/ssh_config" node1 true 2>/dev/null && { ok=1; break; }
	sleep 0.3
done
[ -n "$ok" ] || skip "cannot log in to the sshd on 127.0.0.1:$port"

# The archive: the example digests, twice over under other names.
mkdir "$tmp/work" "$tmp/work/digests" && cd "$tmp/work" || exit 2
for r in 1 2; do
	for f in "$top"/examples/*.md; do
		b=${f##*/}
		cp "$f" "digests/${b%.md}_$r.md"
	done
done
PATH=$bin:$PATH
export PATH
dg-parse -S digests/*.md | dg-stats >one.tsv || exit 2

fail=0
check() {
	if cmp -s one.tsv "$1.tsv"; then
		echo "scale-check: $1: same counts as one run"
	else
		echo "scale-check: $1: counts differ from one run"
		diff one.tsv "$1.tsv" | head -5
		fail=1
	fi
}
# The nodes run the same commands: PATH goes along (--env).
P="parallel --ssh 'ssh -F $tmp/ssh_config' -S node1,node2 --env PATH"

# dg(7): a folder the nodes share.
eval "$P --workdir . -N 5 'dg-parse -S {} | dg-stats'" ::: digests/*.md |
    dg-stats -m >shared.tsv
check shared

# dg(7): each file sent over (rsync on both ends), one transfer a file.
eval "$P --transferfile {} --cleanup 'dg-parse -S {} | dg-stats'" \
    ::: digests/*.md | dg-stats -m >transfer.tsv
check transfer

# dg(7): files sent over in batches, one transfer a batch.
mkdir batches
printf '%s\0' digests/*.md |
    xargs -0 -n 6 sh -c 'tar cf "$(mktemp batches/XXXXXX)" "$@"' sh
eval "$P --transferfile {} --cleanup 'd=\$(mktemp -d) && tar xf {} -C \"\$d\" &&
    (cd \"\$d\" && dg-parse -S digests/*.md) | dg-stats; rm -rf \"\$d\"'" \
    ::: batches/* | dg-stats -m >batches.tsv
check batches
exit $fail

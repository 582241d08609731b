# Bash completion for the dg commands: dg-parse, dg-cat, dg-links,
# dg-stats, dg-chart and dg-alias.  `make install` puts this one file under
# each command's name, so bash-completion's on-demand loading finds it
# whichever command is completed first; sourcing it by hand works too.
#
# Completes options; the values of -b (each key of its list) and -s
# (dg-stats), -f (dg-links, and dg-chart's columns of dg-stats output), -k
# (dg-cat) and -f (dg-alias: a MAP file); and category names for dg-cat
# (its first operand, and -e) read from a dg TSV file named on the same
# line: a word ending in .tsv or following '<'.  Everything else completes
# as file names.

# The options of each command.
_dg_options()
{
	case $1 in
	dg-parse) echo '-H -S -w --strict -h --help -V --version' ;;
	dg-cat) echo '-H -q -u -v -d -k -e -h --help -V --version' ;;
	dg-links) echo '-H -a -u -f -t --title --self -h --help -V --version' ;;
	dg-stats) echo '-H -m -b -s -h --help -V --version' ;;
	dg-chart) echo '-B -C -p -f -n -t -W -h --help -V --version' ;;
	dg-alias) echo '-H -f -s -h --help -V --version' ;;
	esac
}

# The option letters of each command that take an argument.
_dg_argletters()
{
	case $1 in
	dg-cat) echo dek ;;
	dg-links) echo ft ;;
	dg-stats) echo bs ;;
	dg-chart) echo tnWwf ;;
	dg-alias) echo f ;;
	esac
}

# The words that complete the argument of option letter $2 of command $1;
# "@category" for category names, "@file" for file names, "" for nothing
# to offer.
_dg_values()
{
	case $1$2 in
	dg-linksf) echo 'url tsv md json atom html' ;;
	dg-statsb) echo 'category kind date month year file domain' ;;
	dg-statss) echo 'count key' ;;
	dg-catk) echo 'Papers News' ;;
	dg-chartf) echo '2 3 4 sources sections digests' ;;
	dg-cate) echo @category ;;
	dg-aliasf) echo @file ;;
	esac
}

# Prints, one a line, the distinct categories of the dg TSV files named on
# the command line (column 3, or the one named "category" in a header),
# one spelling per ASCII-case-folded name, the first in byte order as
# dg-stats shows it.  Only the first 16 MB of each file is read:
# completion must stay quick.
_dg_categories()
{
	local i w f
	local -a files=()
	for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
		w=${COMP_WORDS[i]}
		f=${w#[\'\"]}
		f=${f%[\'\"]}
		f=${f/#\~/$HOME}
		if [[ -f $f && -r $f &&
		    ( $f == *.tsv || ${COMP_WORDS[i-1]} == '<' ) ]]; then
			files+=("$f")
		fi
	done
	((${#files[@]})) || return
	for f in "${files[@]}"; do
		head -c 16777216 -- "$f" | awk -F '\t' '
		NR == 1 {
			col = 3; need = 9
			for (i = 1; i <= NF; i++)
				if ($i == "category")
					col = need = i
		}
		NF >= need && $col != "category" { print $col }'
	done | LC_ALL=C sort -u | LC_ALL=C sort -f -u
}

# Sets COMPREPLY to the words of $1 (one a line) that begin with $2, ASCII
# case folded as dg-cat folds it, quoted for the shell unless the word
# being completed is already inside quotes.  $3 is put before each.
_dg_reply()
{
	local cur=$2 pre=$3 quote= c want
	case $cur in
	\'* | \"*)
		quote=${cur:0:1}
		cur=${cur:1}
		;;
	*)
		cur=${cur//\\/}
		;;
	esac
	want=${cur,,}
	while IFS= read -r c; do
		[[ -n $c ]] || continue
		if [[ $c == *\\* ]]; then	# undo the TSV escapes, roughly
			c=${c//\\t/ }
			c=${c//\\n/ }
			c=${c//\\r/ }
			c=${c//\\\\/\\}
		fi
		[[ ${c,,} == "$want"* ]] || continue
		if [[ -n $quote ]]; then
			COMPREPLY+=("$c")
		else
			COMPREPLY+=("$pre$(_dg_quote "$c")")
		fi
	done <<<"$1"
}

# Prints $1 with a backslash before each character the shell treats
# specially; other bytes (UTF-8 too, whatever the locale) stay as they are.
_dg_quote()
{
	local s=${1//\\/\\\\} ch
	for ch in ' ' "'" '"' '$' '`' '!' '*' '?' '[' ']' '{' '}' '(' ')' \
	    '<' '>' '|' '&' ';' '#' '~' '='; do
		s=${s//"$ch"/"\\$ch"}
	done
	printf '%s' "$s"
}

# Completes the argument of option letter $2 of command $1; the word so far
# is $3 and $4 goes before each completion (an option cluster like -bmo).
_dg_complete_value()
{
	local v
	v=$(_dg_values "$1" "$2")
	case $v in
	@category) _dg_reply "$(_dg_categories)" "$3" "$4" ;;
	@file)
		_dg_files "$3"
		[[ -n $4 ]] && COMPREPLY=("${COMPREPLY[@]/#/$4}")
		;;
	?*)
		# dg-stats -b takes a list (month,category): its last key,
		# one not in the list yet.
		if [[ $1$2 == dg-statsb && $3 == *,* ]]; then
			local k keys=" $v " done=${3%,*}
			for k in ${done//,/ }; do
				keys=${keys/ ${k,,} / }
			done
			_dg_reply "$(printf '%s\n' $keys)" "${3##*,}" "$4$done,"
		else
			_dg_reply "${v// /$'\n'}" "$3" "$4"
		fi
		;;
	esac
}

# Is $1 a redirection operator (<, >, >>, &>, ...)?
_dg_isredir()
{
	[[ $1 == [\<\>\&]* && $1 != *[!\<\>\&]* && $1 != '&' ]]
}

# File names; bash-completion's _filedir, when loaded, also handles quotes.
_dg_files()
{
	if declare -F _filedir >/dev/null; then
		local cur=$1
		_filedir
		return
	fi
	local IFS=$'\n'
	compopt -o filenames 2>/dev/null
	COMPREPLY=($(compgen -f -- "$1"))
}

_dg()
{
	local cmd=${1##*/} cur=${COMP_WORDS[COMP_CWORD]}
	local args w i j letter operands=0 sawe=0 optend=0 want=
	args=$(_dg_argletters "$cmd")
	COMPREPLY=()

	# Walk the words before the cursor: which option wants an argument,
	# how many operands came already, was -e used.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		# Redirections are not arguments: < FILE, 2 > FILE.
		if _dg_isredir "$w"; then
			((i++))
			continue
		fi
		# An option's argument, even all digits (-d 2024 < FILE).
		if [[ -n $want ]]; then
			want=
			continue
		fi
		[[ -n $w && $w != *[!0-9]* ]] && _dg_isredir "${COMP_WORDS[i+1]}" &&
		    continue
		# Options end at the first operand (POSIX), or at "--".
		if ((optend)) || [[ $w == - || $w != -* ]]; then
			((operands++))
			optend=1
			continue
		fi
		if [[ $w == -- ]]; then
			optend=1
			continue
		fi
		[[ $w == --* ]] && continue
		for ((j = 1; j < ${#w}; j++)); do
			letter=${w:j:1}
			[[ $letter == e ]] && [[ $cmd == dg-cat ]] && sawe=1
			if [[ $args == *"$letter"* ]]; then
				((j == ${#w} - 1)) && want=$letter
				break
			fi
		done
	done

	if _dg_isredir "${COMP_WORDS[COMP_CWORD-1]}"; then
		_dg_files "$cur"
		return
	fi
	if [[ -n $want ]]; then
		_dg_complete_value "$cmd" "$want" "$cur" ""
		return
	fi

	if ((!optend)) && [[ $cur == -* ]]; then
		# An argument glued to its option: -bmo, -uf j.
		if [[ $cur != --* ]]; then
			for ((j = 1; j < ${#cur}; j++)); do
				letter=${cur:j:1}
				if [[ $args == *"$letter"* ]]; then
					((j < ${#cur} - 1)) || break
					_dg_complete_value "$cmd" "$letter" \
					    "${cur:j+1}" "${cur:0:j+1}"
					return
				fi
			done
		fi
		_dg_reply "$(_dg_options "$cmd" | tr ' ' '\n')" "$cur" ""
		return
	fi

	# dg-cat, like grep: the first operand is the category unless -e.
	if [[ $cmd == dg-cat ]] && ((!sawe && operands == 0)); then
		_dg_complete_value dg-cat e "$cur" ""
		((${#COMPREPLY[@]})) && return
	fi
	_dg_files "$cur"
}

complete -F _dg dg-parse dg-cat dg-links dg-stats dg-chart dg-alias

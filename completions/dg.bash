# Bash completion for the dg commands: dg-parse, dg-cat, dg-links,
# dg-stats, dg-chart and dg-alias.  `make install` puts this one file under
# each command's name, so bash-completion's on-demand loading finds it
# whichever command is completed first; sourcing it by hand works too.
#
# Completes options, short and long (--format=, or any prefix the command
# takes); the values of -b (a comma list too) and -s (dg-stats), -f
# (dg-links, and dg-chart's columns of dg-stats output), -k (dg-cat) and
# -f (dg-alias: a MAP file), after the option, glued to it (-bmo) or after
# = (--by=mo); and category names for dg-cat (its first operand, and -e)
# read from a dg TSV file named on the same line (a word ending in .tsv or
# following '<') or, when there is none, from the file $DG_TSV names.
# Options may follow operands, as the commands take them, unless "--" or
# POSIXLY_CORRECT ends them.  Everything else completes as file names.

# The short options of each command, as its main.c gives them to
# dg_opt_next: a letter, then ':' when it takes an argument.
_dg_shorts()
{
	case $1 in
	dg-parse) echo HSwhV ;;
	dg-cat) echo d:e:Hk:quvhV ;;
	dg-links) echo af:Ht:uhV ;;
	dg-stats) echo b:s:HmhV ;;
	dg-chart) echo BCf:n:pt:W:w:hV ;;	# -w: the same as -W
	dg-alias) echo f:sHhV ;;
	esac
}

# The long options of each command: NAME=L, L the short option it is
# another name for ('-' when it has none), then ':' when it takes an
# argument.
_dg_longs()
{
	case $1 in
	dg-parse) echo header=H no-summary=S warn=w strict=- ;;
	dg-cat) echo category=e: regexp=e: date=d: kind=k: unique=u \
	    invert=v quiet=q header=H ;;
	dg-links) echo format=f: title=t: self=-: arxiv=a unique=u header=H ;;
	dg-stats) echo by=b: sort=s: merge=m header=H ;;
	dg-chart) echo bars=B columns=C field=f: top=n: percent=p title=t: \
	    width=W: ;;
	dg-alias) echo map=f: suggest=s header=H ;;
	esac
	echo help=h version=V
}

# The options to offer: the short ones (not -w of dg-chart, the same as -W),
# then the long ones, with '=' after those that take an argument
# (--format=); --regexp, dg-cat's other name for --category, is not
# offered.
_dg_options()
{
	local s l i out=
	s=$(_dg_shorts "$1")
	s=${s//:/}
	[[ $1 == dg-chart ]] && s=${s//w/}
	for ((i = 0; i < ${#s}; i++)); do
		out+="-${s:i:1} "
	done
	for l in $(_dg_longs "$1"); do
		[[ $l == regexp=* ]] && continue
		if [[ $l == *: ]]; then
			out+="--${l%%=*}= "
		else
			out+="--${l%%=*} "
		fi
	done
	echo "$out"
}

# The long option of command $1 that $2 names, in full or by a prefix
# no other option has (two names of one option are one): prints its L or
# L: (see _dg_longs); nothing when there is none or several.
_dg_long()
{
	local l found=
	for l in $(_dg_longs "$1"); do
		if [[ ${l%%=*} == "$2" ]]; then
			echo "${l#*=}"
			return
		fi
		[[ ${l%%=*} == "$2"* ]] || continue
		[[ -n $found && $found != "${l#*=}" ]] && return
		found=${l#*=}
	done
	[[ -n $found ]] && echo "$found"
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
# or of $DG_TSV when none is, one spelling per ASCII-case-folded name,
# the first in byte order as dg-stats shows it.  Only the first 16 MB of
# each file is read: completion must stay quick.
_dg_categories()
{
	local i w f
	local -a files=()
	for ((i = 1; i < ${#words[@]}; i++)); do
		w=${words[i]}
		f=${w#[\'\"]}
		f=${f%[\'\"]}
		f=${f/#\~/$HOME}
		if [[ -f $f && -r $f &&
		    ( $f == *.tsv || ${words[i-1]} == '<' ) ]]; then
			files+=("$f")
		fi
	done
	if ((!${#files[@]})) && [[ -f $DG_TSV && -r $DG_TSV ]]; then
		files=("$DG_TSV")
	fi
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
	local cur=$2 pre=$3 quote='' c want
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
# is $3 and $4 goes before each completion (an option cluster like -bmo,
# or --by=).  dg-stats -b takes a comma list: the last key completes, one
# not in the list yet.
_dg_complete_value()
{
	local v k done cur=$3 pre=$4
	v=$(_dg_values "$1" "$2")
	if [[ $1$2 == dg-statsb && $cur == *,* ]]; then
		done=${cur%,*}
		pre+=$done,
		cur=${cur##*,}
		v=" $v "
		for k in ${done//,/ }; do
			v=${v/ ${k,,} / }
		done
		v=${v# }
		v=${v% }
	fi
	case $v in
	@category) _dg_reply "$(_dg_categories)" "$cur" "$pre" ;;
	@file)
		_dg_files "$cur"
		[[ -n $pre ]] && COMPREPLY=("${COMPREPLY[@]/#/$pre}")
		;;
	?*) _dg_reply "${v// /$'\n'}" "$cur" "$pre" ;;
	esac
}

# Is $1 a redirection operator (<, >, >>, &>, ...)?
_dg_isredir()
{
	[[ $1 == [\<\>\&]* && $1 != *[!\<\>\&]* && $1 != '&' ]]
}

# Is $1 made of the word breaks bash splits --by=month and -d 2024-10:
# at (COMP_WORDBREAKS)?
_dg_isbreak()
{
	[[ -n $1 && $1 != *[!=:]* ]]
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

# Sets words and cword to COMP_WORDS and COMP_CWORD with the words bash
# split at '=' and ':' joined again where no blank separates them
# (--by=month, -d 2024-10:2024-11), and tail to the part of the word at
# the cursor that bash will replace: after its last '=' or ':' so split.
_dg_join()
{
	local i w rest
	words=("${COMP_WORDS[0]}")
	cword=0
	rest=${COMP_LINE#*"${COMP_WORDS[0]}"}
	for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
		w=${COMP_WORDS[i]}
		# Glued to the word before (no blank between) and one of the
		# two a break: one word for the shell.
		if [[ $rest != [[:space:]]* ]] && ((i > 1 &&
		    i != COMP_CWORD + 1)) &&
		    { _dg_isbreak "$w" || _dg_isbreak "${COMP_WORDS[i-1]}"; }; then
			words[${#words[@]}-1]+=$w
		else
			words+=("$w")
		fi
		rest=${rest#"${rest%%[![:space:]]*}"}
		rest=${rest#"$w"}
		((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
	done
	tail=${COMP_WORDS[COMP_CWORD]}
	_dg_isbreak "$tail" && tail=
}

_dg()
{
	local cmd=${1##*/} cur shorts w i j k letter operands=0 sawe=0 optend=0
	local want='' words cword tail long glued
	_dg_join
	cur=${words[cword]}
	shorts=$(_dg_shorts "$cmd")
	COMPREPLY=()

	# Walk the words before the cursor: which option wants an argument,
	# how many operands came already, was -e used.
	for ((i = 1; i < cword; i++)); do
		w=${words[i]}
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
		[[ -n $w && $w != *[!0-9]* ]] && _dg_isredir "${words[i+1]}" &&
		    continue
		# Options may follow operands, as GNU tools take them, unless
		# "--" or POSIXLY_CORRECT (the first operand) ended them.
		if ((optend)) || [[ $w == - || $w != -* ]]; then
			((operands++))
			[[ -n ${POSIXLY_CORRECT+set} ]] && optend=1
			continue
		fi
		if [[ $w == -- ]]; then
			optend=1
			continue
		fi
		if [[ $w == --* ]]; then
			long=$(_dg_long "$cmd" "${w#--}")
			[[ $cmd == dg-cat && $long == e* ]] && sawe=1
			[[ $long == *: && $w != *=* ]] && want=${long%:}
			continue
		fi
		for ((j = 1; j < ${#w}; j++)); do
			letter=${w:j:1}
			[[ $letter == e ]] && [[ $cmd == dg-cat ]] && sawe=1
			if [[ $letter != : && $shorts == *"$letter:"* ]]; then
				((j == ${#w} - 1)) && want=$letter
				break
			fi
		done
	done

	if _dg_isredir "${words[cword-1]}"; then
		_dg_files "$cur"
	elif [[ -n $want ]]; then
		_dg_complete_value "$cmd" "$want" "$cur" ""
	elif ((!optend)) && [[ $cur == --*=* ]]; then
		# --by=mo: the value of a long option.
		w=${cur%%=*}
		long=$(_dg_long "$cmd" "${w#--}")
		[[ $long == *: ]] &&
		    _dg_complete_value "$cmd" "${long%:}" "${cur#*=}" "$w="
	elif ((!optend)) && [[ $cur == -* ]]; then
		# An argument glued to its option: -bmo, -uf j.
		glued=
		for ((j = 1; j < ${#cur} - 1; j++)); do
			[[ $cur == --* ]] && break
			letter=${cur:j:1}
			if [[ $letter != : && $shorts == *"$letter:"* ]]; then
				glued=$((j + 1))
				break
			fi
		done
		if [[ -n $glued ]]; then
			_dg_complete_value "$cmd" "$letter" "${cur:glued}" \
			    "${cur:0:glued}"
		else
			mapfile -t COMPREPLY < <(compgen -W \
			    "$(_dg_options "$cmd")" -- "$cur")
			[[ ${COMPREPLY[0]} == *= ]] &&
			    compopt -o nospace 2>/dev/null
		fi
	else
		# dg-cat, like grep: the first operand is the category unless -e.
		if [[ $cmd == dg-cat ]] && ((!sawe && operands == 0)); then
			_dg_complete_value dg-cat e "$cur" ""
		fi
		((${#COMPREPLY[@]})) || _dg_files "$cur"
	fi

	# Bash replaces only the tail of a word it split at = or :.
	k=$((${#cur} - ${#tail}))
	if ((k > 0)); then
		for i in "${!COMPREPLY[@]}"; do
			[[ ${COMPREPLY[i]} == "${cur:0:k}"* ]] &&
			    COMPREPLY[i]=${COMPREPLY[i]:k}
		done
	fi
}

complete -F _dg dg-parse dg-cat dg-links dg-stats dg-chart dg-alias

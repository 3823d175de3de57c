package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/report"
	"github.com/bosmanhq/bosman/rules"
)

func completionCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script: bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		UsageText: "bosman completion bash|zsh|fish",
		Description: "The script completes the commands, each command's own flags, the formats it writes, the\n" +
			"association codes of the rule book, club names from the data, and files for --data, --output\n" +
			"and --rules (a directory).\n\n" +
			"Examples:\n" +
			"   source <(bosman completion bash)                # bash, now; add it to ~/.bashrc to keep it\n" +
			"   bosman completion zsh > \"${fpath[1]}/_bosman\"   # zsh, then start a new shell\n" +
			"   bosman completion fish > ~/.config/fish/completions/bosman.fish",
		Action: func(c *cli.Context) error {
			spec, err := completionSpec(c.App)
			if err != nil {
				return err
			}
			switch c.Args().First() {
			case "bash":
				spec.bash(s.out)
			case "zsh":
				spec.zsh(s.out)
			case "fish":
				spec.fish(s.out)
			case "":
				return usageErr("completion needs a shell").hint("e.g. source <(bosman completion bash); zsh and fish work too")
			default:
				return usageErr("no completion for shell %q", c.Args().First()).hint("bosman completes bash, zsh and fish")
			}
			return nil
		},
	}
}

// completeCommand is the hidden command the scripts call for what only
// the data knows: 'bosman __complete clubs [--data FILE]' lists the clubs.
func completeCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:   "__complete",
		Hidden: true,
		Action: func(c *cli.Context) error {
			if c.Args().First() != "clubs" {
				return usageErr("__complete takes: clubs")
			}
			d, err := loadData(&streams{stderr: io.Discard, getenv: s.getenv, now: s.now}, c)
			if err != nil {
				return nil // a completion says nothing rather than an error
			}
			all, err := d.m.All()
			if err != nil {
				return nil
			}
			seen := map[string]bool{}
			var clubs []string
			for _, ct := range all {
				if ct.Club != "" && !seen[ct.Club] {
					seen[ct.Club] = true
					clubs = append(clubs, report.Clean(ct.Club))
				}
			}
			sort.Strings(clubs)
			for _, cl := range clubs {
				fmt.Fprintln(s.out, cl)
			}
			return nil
		},
	}
}

// What a flag's or an argument's value is completed with.
const (
	valNone   = ""       // free text
	valFile   = "file"   // a file name
	valDir    = "dir"    // a directory
	valFormat = "format" // the command's formats
	valCode   = "code"   // an association or league set code
	valTarget = "target" // a code or a club
	valClub   = "club"   // a club of the data
	valShell  = "shell"  // bash, zsh, fish
	valCmd    = "cmd"    // a command
	valWords  = "words"  // one of the flag's words (flagSpec.words)
)

// flagWords are the values a flag takes from a fixed list, which a
// completion script offers: positions, statuses, sort keys.
func flagWords(name string) []string {
	var ws []string
	switch name {
	case "position":
		for _, p := range contracts.Positions {
			ws = append(ws, p.Short)
		}
		ws = append(ws, contracts.Goalkeeper, contracts.Defender, contracts.Midfield, contracts.Attack)
	case "status":
		ws = report.StatusNames
	case "sort":
		for _, k := range report.SortKeys {
			ws = append(ws, string(k))
		}
	}
	return ws
}

// flagSpec is one flag as a completion script offers it.
type flagSpec struct {
	names []string // without dashes, the long name first
	value string   // "" for a flag without a value, else what completes it
	usage string   // one line, without back quotes
	multi bool     // may be given more than once
	words []string // the values offered, for a value valWords
}

// cmdSpec is one command as a completion script offers it.
type cmdSpec struct {
	name, usage string
	flags       []flagSpec
	formats     []string
	arg         string // what completes its arguments
}

// compSpec is what every completion script is generated from: the
// commands with their own flags, the formats and the rule book's codes.
type compSpec struct {
	cmds   []cmdSpec
	global cmdSpec // the flags before a command
	codes  []string
}

// completionSpec reads the commands of app, as defined, and the codes of
// the embedded rule book.
func completionSpec(app *cli.App) (*compSpec, error) {
	book, err := rules.Embedded()
	if err != nil {
		return nil, dataErr("embedded rules: %v", err)
	}
	sp := &compSpec{}
	for _, set := range book.Sets() {
		sp.codes = append(sp.codes, set.Code)
	}
	sp.codes = append(sp.codes, "FIFA")
	sort.Strings(sp.codes)
	args := map[string]string{"club": valClub, "timeline": valClub, "rules": valCode, "validate": valFile, "completion": valShell}
	for _, c := range app.VisibleCommands() {
		cs := cmdSpec{name: c.Name, usage: c.Usage, arg: args[c.Name]}
		if f := formats[c.Name]; len(f) > 1 {
			cs.formats = f
		}
		for _, f := range c.Flags {
			cs.flags = append(cs.flags, flagOf(f))
		}
		for _, sub := range c.Subcommands { // data update --from
			for _, f := range sub.Flags {
				cs.flags = append(cs.flags, flagOf(f))
			}
		}
		cs.flags = append(cs.flags, flagSpec{names: []string{"help", "h"}, usage: "show help"})
		sp.cmds = append(sp.cmds, cs)
	}
	sp.cmds = append(sp.cmds, cmdSpec{name: "help", usage: "help for a command", arg: valCmd})
	for _, f := range app.Flags {
		sp.global.flags = append(sp.global.flags, flagOf(f))
	}
	for _, c := range sp.cmds {
		for _, f := range c.formats {
			if indexOf(sp.global.formats, f) < 0 {
				sp.global.formats = append(sp.global.formats, f)
			}
		}
	}
	return sp, nil
}

// flagOf is f as a completion script offers it.
func flagOf(f cli.Flag) flagSpec {
	fs := flagSpec{names: f.Names()}
	if df, ok := f.(cli.DocGenerationFlag); ok {
		fs.usage = strings.ReplaceAll(df.GetUsage(), "`", "")
		if df.TakesValue() {
			fs.value = map[string]string{"data": valFile, "output": valFile, "rules": valDir, "format": valFormat,
				"to": valTarget, "association": valCode, "league": valCode, "club": valClub}[fs.names[0]]
			if fs.words = flagWords(fs.names[0]); fs.words != nil {
				fs.value = valWords
			}
			if fs.value == "" {
				fs.value = "text"
			}
		}
	}
	switch f.(type) {
	case *cli.StringSliceFlag, *stringSliceFlag:
		fs.multi = true
	}
	return fs
}

// dashed is a flag's name as typed: -o, --data.
func dashed(n string) string {
	if len(n) == 1 {
		return "-" + n
	}
	return "--" + n
}

func (sp *compSpec) cmdNames() []string {
	var out []string
	for _, c := range sp.cmds {
		out = append(out, c.name)
	}
	return out
}

// bash writes the bash script: one case per command, with its own flags,
// what completes each flag's value, and what completes its arguments.
func (sp *compSpec) bash(w io.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("# bash completion for bosman, generated by 'bosman completion bash'.\n")
	p("# Install: source <(bosman completion bash), or add that line to ~/.bashrc.\n\n")
	p("_bosman_codes=%q\n\n", strings.Join(sp.codes, " "))
	p(`# _bosman_clubs CUR adds the clubs of the data (the --data files on the line)
_bosman_clubs() {
    local data=() i line
    for ((i = 1; i < COMP_CWORD; i++)); do
        [[ ${COMP_WORDS[i]} == --data ]] && data+=(--data "${COMP_WORDS[i+1]}")
    done
    while IFS= read -r line; do
        [[ $line == "$1"* ]] && COMPREPLY+=("$(printf '%%q' "$line")")
    done < <(command bosman __complete clubs "${data[@]}" 2>/dev/null)
}

# _bosman_value KIND CUR FORMATS completes a value of KIND
_bosman_value() {
    case $1 in
    file) COMPREPLY=($(compgen -f -- "$2")); compopt -o filenames 2>/dev/null ;;
    dir) COMPREPLY=($(compgen -d -- "$2")); compopt -o filenames 2>/dev/null ;;
    format) COMPREPLY=($(compgen -W "$3" -- "$2")) ;;
    code) COMPREPLY=($(compgen -W "$_bosman_codes" -- "$2")) ;;
    target) COMPREPLY=($(compgen -W "$_bosman_codes" -- "$2")); _bosman_clubs "$2" ;;
    club) COMPREPLY=(); _bosman_clubs "$2" ;;
    shell) COMPREPLY=($(compgen -W "bash zsh fish" -- "$2")) ;;
    cmd) COMPREPLY=($(compgen -W "%s" -- "$2")) ;;
    words=*) local ws=${1#words=}; COMPREPLY=($(compgen -W "${ws//,/ }" -- "$2")) ;;
    *) COMPREPLY=() ;;
    esac
}

_bosman() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local cmd="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        %s) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    local flags="" values="" formats="" arg=""
    case $cmd in
`, strings.Join(sp.cmdNames(), " "), strings.Join(sp.cmdNames(), "|"))
	for _, c := range sp.cmds {
		flags, values := c.bashFlags()
		p("    %s)\n        flags=%q\n        values=%q\n        formats=%q arg=%q ;;\n", c.name, flags, values, strings.Join(c.formats, " "), c.arg)
	}
	gflags, gvalues := sp.global.bashFlags()
	p(`    "")
        flags="%s"
        values="%s"
        formats=%q arg=cmd ;;
    esac
    local kv
    for kv in $values; do
        if [[ $prev == "${kv%%%%:*}" ]]; then
            _bosman_value "${kv#*:}" "$cur" "$formats"
            return
        fi
    done
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$flags" -- "$cur"))
        return
    fi
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "%s" -- "$cur"))
        return
    fi
    _bosman_value "$arg" "$cur" "$formats"
}
complete -F _bosman bosman
`, gflags, gvalues, strings.Join(sp.global.formats, " "), strings.Join(sp.cmdNames(), " "))
}

// bashFlags are the command's flags as typed, and "flag:kind" for those
// that take a value.
func (c *cmdSpec) bashFlags() (flags, values string) {
	var fl, vals []string
	for _, f := range c.flags {
		for _, n := range f.names {
			fl = append(fl, dashed(n))
			switch {
			case f.value == valWords:
				vals = append(vals, dashed(n)+":"+valWords+"="+strings.Join(f.words, ","))
			case f.value != "":
				vals = append(vals, dashed(n)+":"+f.value)
			}
		}
	}
	return strings.Join(fl, " "), strings.Join(vals, " ")
}

// zshQuote is s inside single quotes for zsh.
func zshQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// zshDesc is text for the brackets of an _arguments spec, or after the
// colon of a _describe entry: its brackets and colons escaped.
func zshDesc(s string) string {
	return strings.NewReplacer("[", `\[`, "]", `\]`, ":", `\:`).Replace(s)
}

// zshAction is the _arguments action completing a value of kind.
func (sp *compSpec) zshAction(kind string, formats []string) string {
	switch kind {
	case valFile:
		return "_files"
	case valDir:
		return "_files -/"
	case valFormat:
		return "(" + strings.Join(formats, " ") + ")"
	case valCode:
		return "(" + strings.Join(sp.codes, " ") + ")"
	case valTarget:
		return "_bosman_targets"
	case valClub:
		return "_bosman_clubs"
	case valShell:
		return "(bash zsh fish)"
	case valCmd:
		return "(" + strings.Join(sp.cmdNames(), " ") + ")"
	}
	return " "
}

// zsh writes the zsh script: an _arguments spec per command.
func (sp *compSpec) zsh(w io.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("#compdef bosman\n# zsh completion for bosman, generated by 'bosman completion zsh'.\n")
	p("# Install: bosman completion zsh > \"${fpath[1]}/_bosman\", then start a new shell.\n\n")
	p(`# the clubs of the data (the --data files on the line)
_bosman_clubs() {
    local -a clubs data
    local i
    for (( i = 1; i < CURRENT; i++ )); do
        [[ ${words[i]} == --data ]] && data+=(--data ${words[i+1]})
    done
    clubs=(${(f)"$(command bosman __complete clubs $data 2>/dev/null)"})
    compadd -a clubs
}

_bosman_targets() {
    _alternative %s 'clubs:club:_bosman_clubs'
}

_bosman() {
    local -a commands
    commands=(
`, zshQuote("codes:association:("+strings.Join(sp.codes, " ")+")"))
	for _, c := range sp.cmds {
		p("        %s\n", zshQuote(c.name+":"+zshDesc(c.usage)))
	}
	p(`    )
    local curcontext=$curcontext state line
    _arguments -C '(- *)--help[show help]' '(- *)--version[print the version]' '1: :->command' '*:: :->args'
    case $state in
    command) _describe 'command' commands ;;
    args)
        case $words[1] in
`)
	for _, c := range sp.cmds {
		p("        %s)\n            _arguments", c.name)
		for _, f := range c.flags {
			for _, n := range f.names {
				spec := dashed(n) + "[" + zshDesc(f.usage) + "]"
				if f.multi {
					spec = "*" + spec
				}
				switch {
				case f.value == valWords:
					spec += ":" + f.names[0] + ":(" + strings.Join(f.words, " ") + ")"
				case f.value != "":
					spec += ":" + f.value + ":" + sp.zshAction(f.value, c.formats)
				}
				p(" \\\n                %s", zshQuote(spec))
			}
		}
		if c.arg != "" {
			p(" \\\n                %s", zshQuote("*:"+c.arg+":"+sp.zshAction(c.arg, c.formats)))
		}
		p(" ;;\n")
	}
	p(`        esac ;;
    esac
}

if [[ $funcstack[1] == _bosman ]]; then
    _bosman "$@"
else
    compdef _bosman bosman
fi
`)
}

// fishQuote is s in single quotes for fish.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

// fishValue is what completes a value of kind in fish: its -a argument, or
// -F for files.
func (sp *compSpec) fishValue(kind string, formats []string) string {
	switch kind {
	case valFile:
		return "-r -F"
	case valDir:
		return "-x -a '(__fish_complete_directories)'"
	case valFormat:
		return "-x -a " + fishQuote(strings.Join(formats, " "))
	case valCode:
		return "-x -a " + fishQuote(strings.Join(sp.codes, " "))
	case valTarget:
		return "-x -a " + fishQuote(strings.Join(sp.codes, " ")+" (__bosman_clubs)")
	case valClub:
		return "-x -a '(__bosman_clubs)'"
	case valShell:
		return "-x -a 'bash zsh fish'"
	case valCmd:
		return "-x -a " + fishQuote(strings.Join(sp.cmdNames(), " "))
	}
	return "-x"
}

// fish writes the fish script: each command's flags under a condition
// that the command was given.
func (sp *compSpec) fish(w io.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("# fish completion for bosman, generated by 'bosman completion fish'.\n")
	p("# Install: bosman completion fish > ~/.config/fish/completions/bosman.fish\n\n")
	p(`# the clubs of the data (the --data files on the line)
function __bosman_clubs
    set -l args
    set -l words (commandline -opc)
    for i in (seq (count $words))
        if test "$words[$i]" = --data; and test $i -lt (count $words)
            set -a args --data $words[(math $i + 1)]
        end
    end
    command bosman __complete clubs $args 2>/dev/null
end

complete -c bosman -f
complete -c bosman -n __fish_use_subcommand -l help -s h -d 'show help'
complete -c bosman -n __fish_use_subcommand -l version -s v -d 'print the version'
`)
	for _, c := range sp.cmds {
		p("complete -c bosman -n __fish_use_subcommand -a %s -d %s\n", c.name, fishQuote(c.usage))
	}
	for _, c := range sp.cmds {
		cond := fishQuote("__fish_seen_subcommand_from " + c.name)
		for _, f := range c.flags {
			names := ""
			for _, n := range f.names {
				if len(n) == 1 {
					names += " -s " + n
				} else {
					names += " -l " + n
				}
			}
			val := ""
			switch {
			case f.value == valWords:
				val = " -x -a " + fishQuote(strings.Join(f.words, " "))
			case f.value != "":
				val = " " + sp.fishValue(f.value, c.formats)
			}
			p("complete -c bosman -n %s%s%s -d %s\n", cond, names, val, fishQuote(f.usage))
		}
		if c.arg != "" {
			p("complete -c bosman -n %s %s\n", cond, sp.fishValue(c.arg, c.formats))
		}
	}
}

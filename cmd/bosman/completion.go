package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

func completionCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script: bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		UsageText: "bosman completion bash|zsh|fish",
		Description: "Examples:\n" +
			"   source <(bosman completion bash)\n" +
			"   bosman completion zsh > \"${fpath[1]}/_bosman\"\n" +
			"   bosman completion fish > ~/.config/fish/completions/bosman.fish",
		Action: func(c *cli.Context) error {
			switch c.Args().First() {
			case "bash":
				fmt.Fprint(s.out, bashCompletion)
			case "zsh":
				fmt.Fprint(s.out, zshCompletion)
			case "fish":
				script, err := c.App.ToFishCompletion()
				if err != nil {
					return err
				}
				fmt.Fprintln(s.out, script)
			case "":
				return usageErr("completion needs a shell").hint("e.g. source <(bosman completion bash); zsh and fish work too")
			default:
				return usageErr("no completion for shell %q", c.Args().First()).hint("bosman completes bash, zsh and fish")
			}
			return nil
		},
	}
}

const bashCompletion = `# bash completion for bosman
_bosman() {
    local cur="${COMP_WORDS[COMP_CWORD]}"
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "player club export rules validate timeline completion help --help --version" -- "$cur"))
        return
    fi
    case "$cur" in
    -*) COMPREPLY=($(compgen -W "--data --rules --as-of --format --no-color --skip-invalid --map --month-first --to --within --season --all --club --association --expiring-before --output --help" -- "$cur")) ;;
    *) COMPREPLY=($(compgen -f -- "$cur")) ;;
    esac
}
complete -F _bosman bosman
`

const zshCompletion = `#compdef bosman
_bosman() {
    local -a commands
    commands=(
        'player:one player'"'"'s windows'
        'club:a club'"'"'s expiring contracts'
        'export:every contract'"'"'s windows'
        'rules:the rule sets'
        'validate:check datasets'
        'timeline:the windows as a picture'
        'completion:shell completion'
    )
    if (( CURRENT == 2 )); then
        _describe 'command' commands
    else
        _arguments '*--data[dataset file]:file:_files' '--rules[rules directory]:dir:_files -/' \
            '--as-of[date]:date:' '--format[format]:format:(table csv tsv json markdown ics svg png)' \
            '--no-color' '--to[association or club]:assoc:' '--output[file]:file:_files' '*:file:_files'
    fi
}
compdef _bosman bosman
`

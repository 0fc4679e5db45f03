#!/usr/bin/env python3
"""Man pages and shell completion for untm, made from the program's --help.

usage: generate.py UNTM EXIT_CODES_H OUT_DIR VERSION

Writes OUT_DIR/man/untm.1, OUT_DIR/man/untm-COMMAND.1 for every command that
`untm --help` lists, and OUT_DIR/completion/{untm.bash,_untm}. The help texts
in tools/untm/main.cc and cmd_*.cc are the one source of the commands and
their options, tools/untm/exit_codes.h of the exit status: a page or a list
written by hand would drift from the program (a new command without a page).
Build time only; needs python3 alone.
"""
import os
import re
import subprocess
import sys

# Lines of an option list in Boost.Program_options' help: "  -o [ --output ] arg   text".
OPTION_LINE = re.compile(r"^ {1,4}(?:-\w \[ )?--[\w-]+")
OPTION_NAMES = re.compile(r"--[\w-]+|(?<=\s)-\w(?= \[)")
# Section captions: "options:", "Examples:", "actions:".
CAPTION = re.compile(r"^[A-Za-z][\w ]*:$")

# "  kExitInputError = 1,  // bad input: ..." in exit_codes.h.
EXIT_CODE = re.compile(r"^\s*kExit\w+\s*=\s*(\d+),\s*//\s*(.+?)\s*$")


def exit_codes(header):
    """(code, meaning) per exit code of exit_codes.h, the comment as meaning."""
    with open(header, encoding="utf-8") as source:
        codes = [match.groups() for match in map(EXIT_CODE.match, source) if match]
    if not codes:
        sys.exit(f"generate.py: no exit codes in {header}")
    return codes


def commands_of(general_help):
    """{command: summary} from the "commands:" list of `untm --help`."""
    summaries, inside = {}, False
    for line in general_help.split("\n"):
        if CAPTION.match(line):
            inside = line == "commands:"
        elif inside and line.startswith("  ") and line.strip():
            name, summary = line.split(maxsplit=1)
            summaries[name] = summary.strip()
        elif inside:
            inside = False
    if not summaries:
        sys.exit("generate.py: 'untm --help' lists no commands")
    return summaries


def help_text(untm, *words):
    """The --help of `untm WORDS`, or None when that is not a command."""
    run = subprocess.run([untm, *words, "--help"], capture_output=True, text=True)
    return run.stdout if run.returncode == 0 and run.stdout.strip() else None


def roff(text):
    """Text safe in a roff line: backslashes, and a leading . or '."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text


def option_entries(lines):
    """(tag, description) per option of one list, continuation lines joined."""
    # Continuation lines start at the description column; without any, a run
    # of two spaces ends the option part.
    indents = [len(l) - len(l.lstrip()) for l in lines if l.strip() and not OPTION_LINE.match(l)]
    column = max(set(indents), key=indents.count) if indents else None
    entries = []
    for line in lines:
        if OPTION_LINE.match(line):
            if column and len(line) > column and line[column - 1] == " " and line[column] != " ":
                tag, text = line[:column], line[column:]
            else:
                tag, _, text = line.strip().partition("  ")
            entries.append([tag.strip(), text.strip()])
        elif entries and line.strip():
            entries[-1][1] += " " + line.strip()
    return entries


def help_to_roff(text):
    """The body of a help text: captions as .SS, option lists as .TP, the rest as is."""
    out, lines, k = [], text.rstrip("\n").split("\n"), 0
    while k < len(lines):
        line = lines[k]
        if OPTION_LINE.match(line):
            block = []
            while k < len(lines) and lines[k].strip() and (OPTION_LINE.match(lines[k]) or lines[k].startswith("     ")):
                block.append(lines[k])
                k += 1
            for tag, description in option_entries(block):
                out += [".TP", "\\fB" + roff(tag) + "\\fR", roff(description)]
            continue
        if CAPTION.match(line):
            out += [".SS " + roff(line[:-1])]
        elif line.strip():
            out += [".nf", roff(line), ".fi"]
        else:
            out += [".PP"]
        k += 1
    return out


def page_header(name, version, summary):
    # The coding line tells man(1) the pages are UTF-8 (the help texts quote Chinese).
    return ['.\\" -*- coding: UTF-8 -*-', f'.TH {name.upper()} 1 "" "untm {version}" "User Commands"', ".SH NAME",
            f"{roff(name)} \\- {roff(summary)}"]


def exit_status(codes):
    out = [".SH EXIT STATUS"]
    for code, meaning in codes:
        out += [".TP", code, roff(meaning)]
    return out


ENVIRONMENT = [
    ("XDG_DATA_HOME, XDG_DATA_DIRS, XDG_CACHE_HOME",
     "where the default dictionary cedict_ts.u8 is looked for: $XDG_DATA_HOME/untm/ (default ~/.local/share/untm/), "
     "then each folder of $XDG_DATA_DIRS (default /usr/local/share:/usr/share) + /untm/, then the installed "
     "share/untm/, then $XDG_CACHE_HOME/untm/ (default ~/.cache/untm/)."),
    ("UNTM_PDF_CPU_SECONDS",
     "the CPU time a PDF may take to read (default 60 s plus 60 s per MiB of PDF). Each PDF is read in a child "
     "process; one over the limit is refused by name as a possible decompression bomb."),
    ("UNTM_PDF_MEMORY_MB",
     "the memory (address space, MiB) reading a PDF may take (default 1024 plus 64 bytes per PDF byte); over it, "
     "the PDF is refused by name."),
    ("UNTM_SHARED_DIR",
     "untm bench: the shared data folder (gold alignments, UN samples) when --shared does not name one."),
]


def environment():
    out = [".SH ENVIRONMENT"]
    for names, meaning in ENVIRONMENT:
        out += [".TP", f"\\fB{roff(names)}\\fR", roff(meaning)]
    return out


def sub_words(text):
    """The actions (bundle) or areas (bench) a command's help lists."""
    words, inside = [], False
    for line in text.split("\n"):
        if CAPTION.match(line):
            inside = line[:-1] in ("actions", "areas")
        elif inside and line.startswith("  ") and not line.startswith("   "):
            words.append(line.split()[0])
    return words


def command_page(untm, version, codes, command, summary, text):
    usage, _, body = text.partition("\n")
    out = page_header(f"untm-{command}", version, summary)
    out += [".SH SYNOPSIS", ".nf", roff(usage.removeprefix("usage: ")), ".fi", ".SH DESCRIPTION"]
    out += help_to_roff(body)
    for word in sub_words(text):
        sub = help_text(untm, command, word)
        if sub:
            out += [f".SH {roff(command.upper())} {roff(word.upper())}"] + help_to_roff(sub)
    out += environment() + exit_status(codes) + [".SH SEE ALSO", "\\fBuntm\\fR(1)"]
    return "\n".join(out) + "\n"


def main_page(version, codes, summaries):
    out = page_header("untm", version, "Chinese-English sentence alignment into TMX bundles")
    out += [".SH SYNOPSIS", ".nf", "untm COMMAND [OPTIONS] ...", "untm help COMMAND", "untm \\-\\-version", ".fi",
            ".SH DESCRIPTION",
            "Aligns the sentences of Chinese and English documents (text, DOCX or PDF) and writes the pairs "
            "as TMX, compressed TMX bundles (.tmx.zst), TSV, Moses or JSONL.",
            ".SH COMMANDS"]
    for command, summary in summaries.items():
        out += [".TP", f"\\fBuntm {roff(command)}\\fR", f"{roff(summary)}; see \\fBuntm\\-{roff(command)}\\fR(1)."]
    out += environment() + exit_status(codes) + [".SH SEE ALSO", ", ".join(f"\\fBuntm\\-{roff(c)}\\fR(1)" for c in summaries)]
    return "\n".join(out) + "\n"


def options_of(text):
    return sorted({name for line in text.split("\n") if OPTION_LINE.match(line)
                   for name in OPTION_NAMES.findall(line)})


def bash_completion(commands, options, subs):
    """commands: names; options: {"align": [...], "bundle export": [...]}; subs: {"bundle": [...]}."""
    cases = "\n".join(f'    "{key}") options="{" ".join(names)}" ;;' for key, names in options.items())
    sub_cases = "\n".join(f'    {command}) words="{" ".join(names)}" ;;' for command, names in subs.items())
    return f"""# bash completion for untm (generated from untm --help by tools/untm/install/generate.py)
_untm() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} commands="{" ".join(commands)}" options="" words=""
  if (( COMP_CWORD == 1 )); then
    COMPREPLY=( $(compgen -W "$commands help --help --version" -- "$cur") )
    return
  fi
  local command=${{COMP_WORDS[1]}}
  if [[ $command == help ]]; then
    (( COMP_CWORD == 2 )) && COMPREPLY=( $(compgen -W "$commands" -- "$cur") )
    return
  fi
  case "$command" in
{sub_cases}
  esac
  if [[ -n $words ]] && (( COMP_CWORD == 2 )); then
    COMPREPLY=( $(compgen -W "$words" -- "$cur") )
    return
  fi
  local key=$command
  [[ -n $words ]] && key="$command ${{COMP_WORDS[2]}}"
  case "$key" in
{cases}
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=( $(compgen -W "$options" -- "$cur") )
  else
    compopt -o filenames 2>/dev/null
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}}
complete -F _untm untm
"""


def zsh_completion(summaries, options, subs):
    # Names with a prefix: zsh's own "commands", "options" and "words" are special.
    described = " ".join(f"'{c}:{s.replace(chr(39), '')}'" for c, s in summaries.items())
    cases = "\n".join(f'    "{key}") untm_options=({" ".join(names)}) ;;' for key, names in options.items())
    sub_cases = "\n".join(f'    {command}) untm_subwords=({" ".join(names)}) ;;' for command, names in subs.items())
    return f"""#compdef untm
# zsh completion for untm (generated from untm --help by tools/untm/install/generate.py)
local -a untm_commands untm_options untm_subwords
untm_commands=({described})
if (( CURRENT == 2 )); then
  _describe command untm_commands
  return
fi
if [[ $words[2] == help ]]; then
  (( CURRENT == 3 )) && _describe command untm_commands
  return
fi
local untm_command=$words[2] untm_key=$words[2]
case $untm_command in
{sub_cases}
esac
if (( $#untm_subwords )); then
  if (( CURRENT == 3 )); then
    compadd -a untm_subwords
    return
  fi
  untm_key="$untm_command $words[3]"
fi
case $untm_key in
{cases}
esac
if [[ $PREFIX == -* ]]; then
  compadd -a untm_options
else
  _files
fi
"""


def main():
    untm, header, out_dir, version = sys.argv[1:5]
    codes = exit_codes(header)
    general = subprocess.run([untm, "--help"], capture_output=True, text=True, check=True).stdout
    summaries = commands_of(general)
    commands = list(summaries)
    man_dir = os.path.join(out_dir, "man")
    os.makedirs(man_dir, exist_ok=True)
    os.makedirs(os.path.join(out_dir, "completion"), exist_ok=True)
    # A command that is gone must not leave its page behind to be installed.
    for name in os.listdir(man_dir):
        if name.startswith("untm") and name.endswith(".1"):
            os.remove(os.path.join(man_dir, name))
    options, subs = {}, {}
    for command in commands:
        text = help_text(untm, command)
        if text is None:
            sys.exit(f"generate.py: 'untm {command} --help' failed")
        with open(os.path.join(man_dir, f"untm-{command}.1"), "w") as page:
            page.write(command_page(untm, version, codes, command, summaries[command], text))
        options[command] = options_of(text)
        subs[command] = sub_words(text)
        for word in subs[command]:
            sub = help_text(untm, command, word)
            options[f"{command} {word}"] = options_of(sub) if sub else options[command]
    subs = {c: w for c, w in subs.items() if w}
    with open(os.path.join(man_dir, "untm.1"), "w") as page:
        page.write(main_page(version, codes, summaries))
    with open(os.path.join(out_dir, "completion", "untm.bash"), "w") as script:
        script.write(bash_completion(commands, options, subs))
    with open(os.path.join(out_dir, "completion", "_untm"), "w") as script:
        script.write(zsh_completion(summaries, options, subs))


if __name__ == "__main__":
    main()

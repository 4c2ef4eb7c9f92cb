"""Answers coop new's wizard at a real pseudo-terminal, as a person would.

Usage: pty-wizard.py BIN CWD DIR NAME [NAME ...]
PTY_WIZARD_ARGS (a JSON list) adds arguments to `coop new`, e.g. an --answers file.
Presses Enter (taking the offered default) at every question, except that a founder's name is
typed where the person would type it: at a founder's name question, and at whatever question
follows a founder's last detail (email, address). After the last name, an empty answer. Prints the transcript (ANSI
codes removed) and exits with coop's exit code.
"""
import json, os, pty, re, select, sys, time

bin_path, cwd, target, *names = sys.argv[1:]
pid, fd = pty.fork()
if pid == 0:
    os.chdir(cwd)
    os.environ.update({"TERM": "xterm", "NO_COLOR": "1", "TZ": "Europe/London"})
    extra = json.loads(os.environ.get("PTY_WIZARD_ARGS", "[]"))
    os.execvp("node", ["node", bin_path, "new", target, *extra])

ansi = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[>=]|\r")
transcript = ""
pending = ""  # output since the last answer
expecting_name = False
answered_at = -1  # how many questions had been completed when we last answered
deadline = time.time() + float(os.environ.get("PTY_WIZARD_SECONDS", "240"))
QUIET = 0.25


def send(text):
    if os.environ.get("PTY_WIZARD_DEBUG"):
        print(f"pty-wizard: answering {prompt.strip()[:60]!r} with {text!r}", file=sys.stderr)
    os.write(fd, text.encode() + b"\r")


while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], QUIET)
    if ready:
        try:
            data = os.read(fd, 65536).decode("utf-8", "replace")
        except OSError:
            break
        if not data:
            break
        transcript += data
        pending += data
        continue
    # Quiet: a question is waiting if new output ends in one.
    # A question answered is redrawn with a tick; only one drawn after the last tick is waiting.
    clean = ansi.sub("", pending).split("\u2714")[-1]
    prompts = [l for l in clean.split("\n") if l.strip().startswith("?")]
    done = ansi.sub("", transcript).count("\u2714")
    refused = "\n>" in clean or clean.startswith(">")
    # The same question redrawn while it checks the answer is not a new question.
    if not prompts or (done == answered_at and not refused):
        continue
    answered_at = done
    prompt = prompts[-1]
    pending = ""
    if re.search(r"Founder \d+: full name", prompt):
        send(names.pop(0) if names else "")
        expecting_name = False
    elif re.search(r"Founder \d+:", prompt):
        # A founder's other details (email, postal address): taken as offered.
        send("")
        expecting_name = True
    elif expecting_name:
        # Where a person goes on to type the next founder's name.
        send(names.pop(0) if names else "")
        expecting_name = False
    else:
        send("")

else:
    os.kill(pid, 9)
    print("pty-wizard: gave up waiting", file=sys.stderr)

_, status = os.waitpid(pid, 0)
print(ansi.sub("", transcript))
sys.exit(os.waitstatus_to_exitcode(status))

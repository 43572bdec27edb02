"""Run a saved prompt against an AI model and keep the answer with its metadata.

Module 9, lesson "Prompting for Testers". A prompt you can re-run, compare and review is worth far
more than one typed into a chat window and forgotten.

    python -m pip install openai
    # A hosted model your company has approved:
    export OPENAI_API_KEY=...          # never commit it
    python prompt_runner.py prompts/child-fares.txt --var story=@cityhop-child-fares-story.md --model YOUR_APPROVED_MODEL
    # Or a local model with Ollama (nothing leaves your machine):
    export OPENAI_BASE_URL=http://localhost:11434/v1 OPENAI_API_KEY=ollama
    python prompt_runner.py prompts/child-fares.txt --var story=@cityhop-child-fares-story.md --model llama3.2

Options:
    --var NAME=VALUE   fill {NAME} in the prompt; VALUE=@file reads the value from a file
    --system FILE      a system prompt (role and standing rules)
    --runs N           send the same prompt N times to see how much the answers vary
    --temperature T    only for models that accept it (many reasoning models do not)
    --dry-run          print the final prompt and send nothing: check it for secrets first

Every answer is saved under runs/ with the model, time, settings and a hash of the exact prompt,
so a reviewer can see what produced it. Works with any OpenAI-compatible endpoint.
"""

import argparse
import hashlib
import os
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def read_vars(pairs):
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"--var needs NAME=VALUE, got {pair!r}")
        if value.startswith("@"):
            value = Path(value[1:]).read_text(encoding="utf-8")
        values[name.strip()] = value
    return values


def fill(template, values):
    wanted = set(PLACEHOLDER.findall(template))
    missing = sorted(wanted - set(values))
    if missing:
        raise SystemExit(f"missing --var for: {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def ask(client, model, messages, temperature):
    extra = {} if temperature is None else {"temperature": temperature}
    reply = client.chat.completions.create(model=model, messages=messages, **extra)
    return reply.choices[0].message.content or ""


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run a saved prompt and keep the answer.")
    parser.add_argument("prompt", help="prompt file with {placeholders}")
    parser.add_argument("--var", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--system", help="file with the system prompt")
    parser.add_argument("--model", default=os.environ.get("PROMPT_MODEL"))
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--temperature", type=float)
    parser.add_argument("--out", default="runs")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)

    prompt = fill(Path(args.prompt).read_text(encoding="utf-8"), read_vars(args.var))
    messages = []
    if args.system:
        messages.append({"role": "system", "content": Path(args.system).read_text(encoding="utf-8")})
    messages.append({"role": "user", "content": prompt})

    if args.dry_run:
        for message in messages:
            print(f"----- {message['role']} -----\n{message['content']}")
        return 0
    if not args.model:
        raise SystemExit("name a model with --model or the PROMPT_MODEL environment variable")

    from openai import OpenAI  # reads OPENAI_API_KEY and OPENAI_BASE_URL from the environment

    client = OpenAI()
    digest = hashlib.sha256(repr(messages).encode("utf-8")).hexdigest()[:12]
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    for run in range(1, args.runs + 1):
        answer = ask(client, args.model, messages, args.temperature)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        path = out_dir / f"{stamp}-{Path(args.prompt).stem}-run{run}.md"
        header = (
            f"<!-- model: {args.model} | endpoint: {client.base_url} | prompt sha256: {digest} | "
            f"temperature: {args.temperature if args.temperature is not None else 'default'} | "
            f"run {run} of {args.runs} | {stamp} UTC -->\n\n"
        )
        path.write_text(header + answer + "\n", encoding="utf-8")
        print(f"run {run}: {len(answer.split())} words -> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

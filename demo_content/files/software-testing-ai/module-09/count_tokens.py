"""See text the way a large language model sees it: as tokens.

Module 9, lesson "How Large Language Models Work".

    python -m pip install tiktoken
    python count_tokens.py                      # the built-in tester samples
    python count_tokens.py "Any text you like"  # your own text

tiktoken is OpenAI's open-source tokenizer. Other model families (Claude, Gemini, Llama) use their
own tokenizers, so their counts differ by roughly 10 to 30 percent, but the lessons are the same:
numbers, code and non-English text cost more tokens than plain English, and the model never
sees single letters or digits, only chunks.

tiktoken downloads its encoding file the first time it runs. Without tiktoken (or offline) the
script still runs and prints the common rule of thumb: about 4 characters of English per token.
"""

import sys

SAMPLES = {
    "user story": "As a shopper I want to save my basket so that I can finish my order later.",
    "JSON payload": '{"order_id": 48213, "items": [{"sku": "GB-1042", "qty": 2}], "total": "17.98"}',
    "pytest line": 'assert response.json()["total"] == "17.98", response.text',
    "card number": "4111 1111 1111 1111",
    "German": "Als Kundin möchte ich meinen Warenkorb speichern, um später zu bestellen.",
    "long word": "Pneumonoultramicroscopicsilicovolcanoconiosis",
}


def load_encoder():
    try:
        import tiktoken

        return tiktoken.get_encoding("o200k_base")
    except Exception as problem:  # not installed, or offline on first use
        print(f"(tiktoken not available: {problem.__class__.__name__}; showing estimates)\n")
        return None


def show(label, text, encoder):
    if encoder is None:
        estimate = max(1, round(len(text) / 4))
        print(f"{label:13} {len(text):3} chars  about {estimate:3} tokens (estimate)")
        return
    tokens = encoder.encode(text)
    pieces = [encoder.decode_single_token_bytes(t).decode("utf-8", errors="replace") for t in tokens]
    ratio = len(text) / len(tokens)
    print(f"{label:13} {len(text):3} chars  {len(tokens):3} tokens  {ratio:4.1f} chars/token")
    print("              " + " | ".join(repr(piece)[1:-1] for piece in pieces))


def main(argv):
    encoder = load_encoder()
    samples = {"your text": " ".join(argv)} if argv else SAMPLES
    for label, text in samples.items():
        show(label, text, encoder)
    print("\nThings to notice:")
    print("- The card number is split into chunks of digits: the model never 'sees' 16 digits.")
    print("- JSON punctuation and code cost tokens too: a pasted log fills a context window fast.")
    print("- The German sentence usually needs more tokens per word than the English one.")


if __name__ == "__main__":
    main(sys.argv[1:])

"""The one way this site talks to OpenAI: optional, configured from settings, failing in plain words.

Quiz drafting (quizzes), the lesson assistant (courses) and lesson transcription (authoring) all call
it, so the models, the base URL, the timeout and the error messages are the same everywhere. Nothing
here writes to the database.
"""

import json
from pathlib import Path

import openai
from django.conf import settings

NOT_CONFIGURED = (
    "AI features are off: set OPENAI_API_KEY (and optionally OPENAI_MODEL and OPENAI_BASE_URL) "
    "in the server's environment to turn them on."
)


class AIError(Exception):
    """The AI could not help this time; the message is fit to show to the person who asked."""


def is_configured():
    return bool(getattr(settings, "OPENAI_API_KEY", ""))


def client():
    if not is_configured():
        raise AIError(NOT_CONFIGURED)
    return openai.OpenAI(
        api_key=settings.OPENAI_API_KEY,
        base_url=settings.OPENAI_BASE_URL or None,
        timeout=settings.OPENAI_TIMEOUT_SECONDS,
        max_retries=0,  # a person is waiting: say so at once rather than retry for a minute
    )


def call(create, *, model=None, **request):
    """Run one API call (with OPENAI_MODEL unless `model` says otherwise), turning the client's
    exceptions into AIError with a message for people."""
    try:
        return create(model=model or settings.OPENAI_MODEL, **request)
    except openai.APITimeoutError as error:
        raise AIError("The AI service did not answer in time. Please try again in a minute.") from error
    except openai.RateLimitError as error:
        raise AIError("The AI service is busy right now (rate limit). Please try again in a few minutes.") from error
    except openai.AuthenticationError as error:
        raise AIError("The AI service refused the API key. An administrator should check OPENAI_API_KEY.") from error
    except openai.APIConnectionError as error:
        raise AIError("The AI service could not be reached. Please try again later.") from error
    except openai.APIStatusError as error:
        raise AIError(f"The AI service answered with an error (HTTP {error.status_code}).") from error


def complete_json(*, system, prompt, schema_name, schema):
    """Ask for a JSON object that follows `schema`; returns it parsed (the caller validates its content)."""
    response = call(
        client().chat.completions.create,
        messages=[{"role": "system", "content": system}, {"role": "user", "content": prompt}],
        response_format={"type": "json_schema", "json_schema": {"name": schema_name, "schema": schema, "strict": True}},
    )
    try:
        content = response.choices[0].message.content or ""
        return json.loads(content)
    except (IndexError, AttributeError, ValueError) as error:
        raise AIError("The AI service answered with something that is not valid JSON.") from error


def complete_text(*, system, messages):
    """A plain reply to a conversation ([{"role", "content"}]); returns the text."""
    response = call(client().chat.completions.create, messages=[{"role": "system", "content": system}, *messages])
    try:
        return response.choices[0].message.content or ""
    except (IndexError, AttributeError) as error:
        raise AIError("The AI service answered with an empty reply.") from error


def transcribe_audio(path):
    """The text spoken in one audio file (a Path, within the API's size limit), by
    OPENAI_TRANSCRIPTION_MODEL; AIError when the answer holds no transcript."""
    malformed = AIError("The AI service answered with something that is not a transcript.")
    try:
        response = call(
            client().audio.transcriptions.create,
            model=settings.OPENAI_TRANSCRIPTION_MODEL,
            file=Path(path),
            response_format="json",
        )
    except ValueError as error:  # a body sent as JSON that does not parse
        raise malformed from error
    # Without a JSON content type the client hands back the body as a string; a JSON body without
    # "text" comes back as a model missing the attribute.
    text = getattr(response, "text", None) if not isinstance(response, str) else None
    if not isinstance(text, str):
        raise malformed
    return text

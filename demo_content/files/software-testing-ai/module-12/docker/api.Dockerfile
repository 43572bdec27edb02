# Image for the PantryPal shop (Module 12, "Docker for Test Environments").
# Put this file in the repository root next to pantrypal_app.py. Build it by hand with:
#   docker build -f api.Dockerfile -t pantrypal:dev .
# A file named Dockerfile is found without -f; this name keeps several image recipes apart.

# Pin the base image: "python:3.13-slim" is a small Debian image with Python 3.13.
FROM python:3.13-slim

# Python settings for containers: no .pyc files, logs straight to the console.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOST=0.0.0.0 \
    PORT=8000

WORKDIR /app

# Dependencies first: Docker reuses this layer until requirements.txt changes.
COPY requirements.txt .
RUN python -m pip install --no-cache-dir -r requirements.txt

# Then the code, which changes on every commit.
COPY pantrypal_app.py .

# Run as an unprivileged user, not root.
RUN useradd --create-home shop
USER shop

EXPOSE 8000

# Docker marks the container "healthy" once /health answers with 200.
HEALTHCHECK --interval=5s --timeout=3s --start-period=5s --retries=5 \
  CMD python -c "import urllib.request, sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2).status == 200 else 1)"

CMD ["python", "pantrypal_app.py"]

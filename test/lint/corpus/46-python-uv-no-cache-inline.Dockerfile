# corpus: Python package run as a service from one slim stage: uv binary copied in, UV_NO_CACHE=1 on each uv sync
# expect: none
FROM python:3.13-slim
COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /uvx /bin/
ENV PYTHONUNBUFFERED=1
RUN useradd --create-home app
WORKDIR /app
COPY pyproject.toml uv.lock .python-version ./
RUN UV_NO_CACHE=1 uv sync --locked --no-dev --no-install-project
COPY src/ src/
RUN UV_NO_CACHE=1 uv sync --locked --no-dev
USER app
CMD ["/app/.venv/bin/python", "-m", "service"]

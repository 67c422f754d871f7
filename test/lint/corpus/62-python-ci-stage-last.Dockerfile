# corpus: uv project with an `app` runtime stage and a last `ci` stage that copies everything, then syncs the dev group (re-downloaded on each change)
# expect: IG009@19 IG010@17 IG012@18 IG013@19 IG018@17
FROM python:3.13-slim AS base
ENV PYTHONUNBUFFERED=1 UV_NO_CACHE=1
COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /bin/uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project

FROM base AS app
COPY src/ src/
RUN uv sync --frozen --no-dev && useradd app
USER app
CMD ["/app/.venv/bin/python", "-m", "pkg"]

# CI runs the checks in this stage
FROM base AS ci
COPY . .
RUN uv sync --frozen
CMD ["/app/.venv/bin/ruff", "check", "."]

# corpus: Python web service built with uv, install options and the source folder passed as ARG defaults
# expect: none
# syntax=docker/dockerfile:1
ARG PYTHON_VERSION=3.12
FROM python:${PYTHON_VERSION}-slim AS build
ARG UV_SYNC_FLAGS="--frozen --no-dev --no-install-project"
ARG APP_DIR=src
ENV UV_NO_CACHE=1 UV_COMPILE_BYTECODE=1
WORKDIR /app
COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /usr/local/bin/uv
COPY pyproject.toml uv.lock ./
RUN uv sync ${UV_SYNC_FLAGS:---frozen}
COPY ${APP_DIR}/ ./${APP_DIR}/
RUN uv sync ${UV_SYNC_FLAGS%--no-install-project}

FROM python:${PYTHON_VERSION}-slim
ENV PYTHONUNBUFFERED=1 PATH=/app/.venv/bin:$PATH
RUN useradd --create-home app
WORKDIR /app
COPY --from=build /app /app
USER app
CMD ["python", "-m", "service"]

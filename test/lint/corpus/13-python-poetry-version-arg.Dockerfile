# corpus: FastAPI service with Poetry pinned by ARG, virtualenv copied into a slim runtime
# expect: none
ARG PY=3.12
FROM python:${PY}-slim AS build
ARG POETRY_VERSION=1.8.4
ENV POETRY_VIRTUALENVS_IN_PROJECT=1 PIP_NO_CACHE_DIR=1
RUN pip install "poetry==${POETRY_VERSION}"
WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN poetry install --only main --no-root
COPY app ./app

FROM python:${PY}-slim
ENV PYTHONUNBUFFERED=1 PATH=/app/.venv/bin:$PATH
WORKDIR /app
COPY --from=build /app /app
RUN useradd -r api
USER api
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]

# corpus: Poetry app installed in one slim stage with dev dependencies and poetry itself left in the image
# expect: IG001@6 IG013@9
FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 PIP_NO_CACHE_DIR=1 POETRY_VIRTUALENVS_CREATE=false
WORKDIR /app
RUN pip install poetry==1.8.4
COPY pyproject.toml poetry.lock ./
# no --without dev: pytest and mypy ship
RUN poetry install --no-root --no-interaction
COPY app/ app/
RUN useradd -r app
USER app
CMD ["python", "-m", "app"]

# corpus: Python app whose env and user are set in a shared base stage, the final stage FROM base adds only code
# expect: none
FROM python:3.12-slim AS python-base
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 PIP_NO_CACHE_DIR=1 VENV=/opt/venv
RUN python -m venv $VENV && useradd --uid 1001 app
ENV PATH=$VENV/bin:$PATH

FROM python-base AS deps
COPY requirements.txt .
RUN pip install -r requirements.txt

FROM python-base AS final
COPY --from=deps /opt/venv /opt/venv
WORKDIR /app
COPY app/ app/
USER app
CMD ["python", "-m", "app"]

# corpus: psycopg built from source in one slim stage: gcc and libpq-dev purged with --auto-remove in the same RUN
# expect: IG012@12
FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libpq-dev libpq5 \
 && pip install --no-cache-dir -r requirements.txt \
 && apt-get purge -y --auto-remove gcc libpq-dev \
 && rm -rf /var/lib/apt/lists/*
COPY . .
USER 1000
CMD ["python", "main.py"]

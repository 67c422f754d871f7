# corpus: Flask app whose Dockerfile ends with a test stage on the shared base; production is the middle stage
# expect: IG010@15 IG012@18 IG018@15
FROM python:3.12-slim AS base
ENV PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

FROM base AS production
COPY app/ app/
RUN useradd app
USER app
CMD ["gunicorn", "app:create_app()"]

FROM base AS test
COPY requirements-dev.txt .
RUN pip install --no-cache-dir -r requirements-dev.txt
COPY . .
CMD ["pytest"]

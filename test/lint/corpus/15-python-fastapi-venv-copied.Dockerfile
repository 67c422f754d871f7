# corpus: FastAPI service: a virtualenv filled by pip in a full python builder, only the venv copied into slim
# expect: none
# syntax=docker/dockerfile:1.7
FROM python:3.12-bookworm AS builder
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt .
RUN pip install -r requirements.txt

FROM python:3.12-slim-bookworm AS runtime
ENV PYTHONUNBUFFERED=1 PATH=/opt/venv/bin:$PATH
COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
COPY app/ ./app/
RUN useradd --uid 10001 api
USER 10001
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8080"]

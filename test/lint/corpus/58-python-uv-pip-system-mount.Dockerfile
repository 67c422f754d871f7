# corpus: Streamlit dashboard: uv pip install --system with a cache mount and a bind-mounted requirements file
# expect: none
# syntax=docker/dockerfile:1
FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1
COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /bin/uv
RUN --mount=type=cache,target=/root/.cache/uv \
    --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt \
    uv pip install --system -r /tmp/requirements.txt
WORKDIR /app
COPY dashboard/ dashboard/
USER 1000
EXPOSE 8501
CMD ["streamlit", "run", "dashboard/main.py"]

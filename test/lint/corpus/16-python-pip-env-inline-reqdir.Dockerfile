# corpus: Celery worker; requirements split in a requirements/ folder, pip cache switched off on the command line
# expect: none
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
COPY requirements/ ./requirements/
RUN PIP_NO_CACHE_DIR=1 pip install -r requirements/base.txt
COPY src/ ./src/
RUN groupadd -r worker && useradd -r -g worker worker
USER worker
CMD ["celery", "-A", "src.tasks", "worker", "--loglevel=info"]

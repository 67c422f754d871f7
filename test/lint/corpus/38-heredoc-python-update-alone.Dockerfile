# corpus: Python job image whose heredoc RUN only refreshes the index; the install follows in its own RUN
# expect: IG006@5 IG007@8
# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN <<EOT
apt-get update
EOT
RUN apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
ENV PYTHONUNBUFFERED=1
COPY job.py /opt/job.py
USER nobody
CMD ["python", "/opt/job.py"]

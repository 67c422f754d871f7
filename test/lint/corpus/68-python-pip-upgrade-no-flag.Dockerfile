# corpus: Python worker whose first pip call upgrades pip and setuptools without --no-cache-dir; the requirements install has it
# expect: IG001@7 IG004@7
FROM python:3.12-slim-bookworm
ENV PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN python -m pip install --upgrade pip setuptools \
 && pip install --no-cache-dir -r requirements.txt
COPY worker/ worker/
USER nobody
CMD ["python", "-m", "worker"]

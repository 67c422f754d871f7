# corpus: Python job with PIP_NO_CACHE_DIR given as an ARG (so set in every RUN's environment), lowercase `as`
# expect: none
FROM python:3.12-slim as base
ARG PIP_NO_CACHE_DIR=1
ENV PYTHONUNBUFFERED=1
WORKDIR /job
COPY requirements.txt .
RUN pip3 install -r requirements.txt
COPY job/ job/
USER nobody
CMD ["python", "-m", "job"]

# corpus: Flask service on python:alpine; compilers in an apk virtual package removed in the same RUN, pip cache off by env
# expect: IG003@8
FROM python:3.12-alpine3.20
ARG PIP_FLAGS="--no-compile"
ENV PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
COPY requirements.txt .
RUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev \
 && export PIP_NO_CACHE_DIR=1 \
 && pip install ${PIP_FLAGS:-} -r requirements.txt \
 && apk del .build-deps
COPY app ./app
RUN adduser -D flask
USER flask
CMD ["flask", "--app", "app", "run", "--host=0.0.0.0"]

# corpus: internal Python CLI installed with pip install . under a pip cache mount after copying the package
# expect: none
# syntax=docker/dockerfile:1
FROM python:3.13-slim
ENV PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY src/ src/
RUN --mount=type=cache,target=/root/.cache/pip pip install .
USER 65532
ENTRYPOINT ["mycli"]

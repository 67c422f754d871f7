# corpus: model-serving API on micromamba: environment.yml solved into the base env, package cache cleaned
# expect: none
FROM mambaorg/micromamba:1.5.10-bookworm-slim
COPY --chown=$MAMBA_USER:$MAMBA_USER environment.yml /tmp/environment.yml
RUN micromamba install -y -n base -f /tmp/environment.yml \
 && micromamba clean --all --yes
ARG MAMBA_DOCKERFILE_ACTIVATE=1
WORKDIR /app
COPY --chown=$MAMBA_USER:$MAMBA_USER model/ ./model/
COPY --chown=$MAMBA_USER:$MAMBA_USER serve.py .
USER $MAMBA_USER
CMD ["python", "serve.py"]

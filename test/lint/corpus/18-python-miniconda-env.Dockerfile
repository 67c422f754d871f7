# corpus: research tool on miniconda: a named conda env created from environment.yml, the repo copied whole
# expect: IG012@7
FROM continuumio/miniconda3:24.7.1-0
WORKDIR /opt/app
COPY environment.yml .
RUN conda env create -f environment.yml && conda clean -afy
COPY . .
SHELL ["conda", "run", "-n", "app", "/bin/bash", "-c"]
RUN useradd -m runner
USER runner
ENTRYPOINT ["conda", "run", "--no-capture-output", "-n", "app", "python", "main.py"]

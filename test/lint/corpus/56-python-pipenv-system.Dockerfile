# corpus: Django API on Pipenv: Pipfile and Pipfile.lock copied, `pipenv install --deploy --system`, pipenv uninstalled after
# expect: none
FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIPENV_VENV_IN_PROJECT=0
WORKDIR /srv/api
COPY Pipfile Pipfile.lock ./
RUN pip install pipenv==2024.4.0 && pipenv install --deploy --system && pip uninstall -y pipenv
COPY api/ ./api/
COPY manage.py .
USER nobody
CMD ["gunicorn", "api.wsgi", "--bind", "0.0.0.0:8000"]

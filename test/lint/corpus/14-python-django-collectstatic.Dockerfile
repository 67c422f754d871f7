# corpus: Django site on pip, static files collected at build time, served by gunicorn as an unprivileged user
# expect: IG012@11
FROM python:3.12-slim-bookworm
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 DJANGO_SETTINGS_MODULE=site.settings.production
WORKDIR /code
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 \
 && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN python manage.py collectstatic --noinput \
 && useradd --no-create-home django \
 && chown -R django /code/staticfiles
USER django
EXPOSE 8000
CMD ["gunicorn", "site.wsgi:application", "--bind", "0.0.0.0:8000"]

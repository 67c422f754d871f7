# corpus: Django app on pip; the requirements file is chosen by an ARG, the app folder too; one stage
# expect: IG010@3 IG016@3
FROM python:3.12-slim
ARG REQUIREMENTS=requirements/production.txt
ARG APP=app
WORKDIR /srv
COPY ${REQUIREMENTS} /tmp/requirements.txt
RUN pip install --no-cache-dir -r /tmp/requirements.txt
COPY ${APP}/ ./${APP}/
COPY manage.py .
# pip installed before the first source COPY, so this later pip step is not judged (the spec's two-step rule)
COPY plugins.txt .
RUN pip install --no-cache-dir -r plugins.txt
CMD ["gunicorn", "app.wsgi"]

# corpus: tutorial Flask app: full python image, the context copied before pip, pip cache kept, root, no Python env
# expect: IG002@3 IG004@6 IG009@6 IG010@3 IG012@5 IG016@3
FROM python:3.11
WORKDIR /app
COPY . /app
RUN pip install -r requirements.txt
EXPOSE 5000
CMD ["python", "app.py"]

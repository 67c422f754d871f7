# corpus: AWS batch job on Amazon Linux 2023: dnf install then clean all, pip via python3.11 -m pip with PIP_NO_CACHE_DIR=1
# expect: none
FROM amazonlinux:2023
ENV PIP_NO_CACHE_DIR=1
RUN dnf install -y python3.11 python3.11-pip shadow-utils \
 && dnf clean all \
 && python3.11 -m pip install boto3==1.35.0 \
 && useradd --system batch
COPY handler.py /opt/app/
USER batch
CMD ["python3.11", "/opt/app/handler.py"]

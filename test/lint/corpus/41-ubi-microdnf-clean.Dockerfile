# corpus: Java service on Red Hat UBI minimal: microdnf install with weak deps off, microdnf clean all in the same RUN
# expect: none
FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
RUN microdnf install -y --setopt=install_weak_deps=0 java-21-openjdk-headless shadow-utils \
 && microdnf clean all \
 && useradd --system --uid 1001 svc
COPY target/svc.jar /opt/svc/svc.jar
USER 1001
CMD ["java", "-jar", "/opt/svc/svc.jar"]

# corpus: Spring Boot service in the style of the framework's guide: the jar path is an ARG glob, a JRE base
# expect: none
FROM eclipse-temurin:21-jre-jammy
ARG JAR_FILE=target/*.jar
RUN groupadd --system spring && useradd --system --gid spring spring
USER spring:spring
COPY ${JAR_FILE} app.jar
ENTRYPOINT ["java", "-jar", "/app.jar"]

# corpus: Java service with a jlink-trimmed runtime on plain alpine; Maven wrapper (mvnw, .mvn/) resolves dependencies first
# expect: none
FROM eclipse-temurin:21-jdk-alpine AS jre
RUN jlink --add-modules java.base,java.logging,java.naming,java.sql,jdk.unsupported \
    --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output /jre

FROM eclipse-temurin:21-jdk-alpine AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw -B dependency:go-offline
COPY src/ src/
RUN ./mvnw -B package -DskipTests

FROM alpine:3.20
ENV JAVA_HOME=/opt/jre PATH=/opt/jre/bin:$PATH
COPY --from=jre /jre /opt/jre
RUN adduser -D -H svc
COPY --from=build /src/target/svc.jar /opt/svc.jar
USER svc
CMD ["java", "-jar", "/opt/svc.jar"]

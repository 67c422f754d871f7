# corpus: Spring Boot on Maven: dependencies resolved offline under a cache mount, jar run on a JRE alpine base
# expect: none
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build
COPY pom.xml .
RUN --mount=type=cache,target=/root/.m2 mvn -B dependency:go-offline
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

FROM eclipse-temurin:21-jre-alpine
RUN addgroup -S app && adduser -S app -G app
WORKDIR /opt/app
COPY --from=build /build/target/*.jar app.jar
USER app
ENTRYPOINT ["java", "-jar", "app.jar"]

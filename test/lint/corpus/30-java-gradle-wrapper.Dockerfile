# corpus: Kotlin/Spring service on the Gradle wrapper: build scripts and wrapper copied first, bootJar, JRE runtime
# expect: none
FROM eclipse-temurin:21-jdk-jammy AS build
WORKDIR /workspace
COPY gradlew settings.gradle.kts build.gradle.kts gradle.properties ./
COPY gradle/ gradle/
RUN ./gradlew --no-daemon dependencies
COPY src/ src/
RUN ./gradlew --no-daemon bootJar -x test

FROM eclipse-temurin:21-jre-jammy
RUN useradd --system --uid 1001 svc
COPY --from=build /workspace/build/libs/*.jar /opt/svc/app.jar
USER svc
ENTRYPOINT ["java", "-jar", "/opt/svc/app.jar"]

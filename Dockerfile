# Build: the same Maven build as on a workstation, tests excluded (CI runs them)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY .mvn .mvn
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
COPY rules rules
RUN mvn -B -q -DskipTests package && cp target/nrm-engine-*.jar /build/app.jar

# Run: JRE only, unprivileged user, production profile on PostgreSQL
FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app nrm
WORKDIR /app
COPY --from=build /build/app.jar /app/app.jar
USER nrm
ENV SPRING_PROFILES_ACTIVE=postgres \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

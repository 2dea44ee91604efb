# Build stage: compile and package with the Maven wrapper on JDK 21.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
# the catalog and the agent templates are packaged into the jar from here (see pom.xml's resources)
COPY models models
COPY config config
RUN ./mvnw -B -ntp -DskipTests package && cp target/ownpilot-gateway-*.jar /gateway.jar

# Runtime stage: a JRE and the jar, running as an unprivileged user.
FROM eclipse-temurin:21-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && groupadd --system ownpilot && useradd --system --gid ownpilot --home-dir /data --create-home ownpilot
COPY --from=build /gateway.jar /app/gateway.jar
USER ownpilot
# A container listens on all its interfaces, so it needs authentication: give OWNPILOT_API_KEYS (or
# OWNPILOT_AUTH=jwt with OWNPILOT_JWT_SECRET); without credentials the gateway refuses to start.
ENV OWNPILOT_DATA_DIR=/data \
    OWNPILOT_HOST=0.0.0.0 \
    OWNPILOT_PORT=8080 \
    OWNPILOT_AUTH=api-key
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/gateway.jar"]

# syntax=docker/dockerfile:1
# Both stages use the same pinned Temurin release: move them together.
FROM eclipse-temurin:17.0.20_8-jdk-noble AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
# The Maven repository is a build cache, so a changed pom.xml does not download every dependency again. Tests run in
# CI, not here. The jar is extracted into layers: lib/ (dependencies) and application.jar, whose manifest names them.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
    && cp target/centra-bff-*.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --destination /layers

FROM eclipse-temurin:17.0.20_8-jre-noble
RUN groupadd --gid 10001 bff \
    && useradd --uid 10001 --gid bff --no-create-home --no-log-init --shell /usr/sbin/nologin bff
WORKDIR /app
# Layers from least to most frequently changed, so rebuilds reuse the dependency layers.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# Class data sharing: a training run starts the application until its readiness probe answers 200 (both web servers,
# the management context and the probe's request handling are loaded by then), before any call to Centra, and stops
# it; the archive the JVM writes on the way out makes later starts faster (src/main/docker/cds-training.sh). The
# sandbox profile is only there so that the configuration is complete without a Centra. The archive fits this JVM and
# this exact class path only, so it is built here, in the runtime image; a JVM that cannot use it starts without it.
COPY --chmod=755 src/main/docker/cds-training.sh /usr/local/bin/cds-training.sh
RUN cds-training.sh application.jsa 8081 -jar application.jar --spring.profiles.active=sandbox \
        --server.address=127.0.0.1 --management.server.port=8081
# A numeric user, so that an orchestrator's "run as non-root" check can verify it.
USER 10001:10001
# 8080: the shop API. 8081: actuator (health, info, prometheus), for probes and Prometheus only.
EXPOSE 8080 8081
# Heap at 75 % of the container's memory limit; on OutOfMemoryError the JVM exits so the container is restarted
# instead of serving in a broken state. Further options: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=application.jsa", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "application.jar"]

# The devnet chain (Quarkus fast-jar) for infra/docker-compose.yml; build the module first:
#   ./mvnw -pl devnet -am package -DskipTests
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23
COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 target/quarkus-app/*.jar /deployments/
COPY --chown=185 target/quarkus-app/app/ /deployments/app/
COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/
EXPOSE 9090 26657
USER 185
ENV JAVA_OPTS_APPEND="-Dquarkus.http.host=0.0.0.0 -Djava.io.tmpdir=/tmp -XX:MaxRAMPercentage=75"
ENV JAVA_APP_JAR="/deployments/quarkus-run.jar"
ENTRYPOINT [ "/opt/jboss/container/java/run/run-java.sh" ]

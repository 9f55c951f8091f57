# Production-like image: build with the Maven wrapper, run on a JRE 21.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package -pl app -am

FROM eclipse-temurin:21-jre
RUN useradd --system --home /var/lib/latchkey latchkey && mkdir -p /var/lib/latchkey && chown latchkey /var/lib/latchkey
USER latchkey
WORKDIR /var/lib/latchkey
COPY --from=build /src/app/target/latchkey-exec.jar /opt/latchkey/latchkey.jar
ENV LATCHKEY_DATA_DIR=/var/lib/latchkey
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/latchkey/latchkey.jar"]

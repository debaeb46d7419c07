# The application image. Build: docker build -t cinegraph . (docker-compose.yml does it for you.)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/cinegraph --create-home cinegraph
COPY --from=build /src/app/target/cinegraph.jar /opt/cinegraph/cinegraph.jar
USER cinegraph
WORKDIR /var/lib/cinegraph
ENV CINEGRAPH_DATA_DIR=/var/lib/cinegraph/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/cinegraph/cinegraph.jar"]

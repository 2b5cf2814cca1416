# paiban in a container: one static-enough binary on a slim Debian. The fonts are built into
# the binary (include_bytes!), so the runtime image needs nothing else.
#
#   docker build -t paiban .
#   docker run --rm -v "$PWD:/data" -w /data paiban convert input/ -o output/

FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin paiban \
    && strip target/release/paiban

FROM debian:stable-slim
COPY --from=build /src/target/release/paiban /usr/local/bin/paiban
# Outputs belong to the user running the job, not root.
USER 1000:1000
WORKDIR /data
ENTRYPOINT ["/usr/local/bin/paiban"]
CMD ["--help"]

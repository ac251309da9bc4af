# Parley in a container: `docker build -t parley .`, then see compose.yaml.
# Stage 1 installs everything (better-sqlite3 builds from source if no prebuilt binary
# fits), compiles dist/ (npm ci runs `prepare`), then drops the dev dependencies.
FROM node:20-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY commands ./commands
RUN npm ci && npm prune --omit=dev

# Stage 2: only what runs. The corpus and the data folder are volumes, so articles added
# by /ingest and feeds, the index snapshot and the digest database outlive the container.
FROM node:20-slim
ENV NODE_ENV=production \
    PARLEY_CORPUS_DIR=/app/corpus \
    PARLEY_DATA_DIR=/app/data \
    PARLEY_CONFIG_DIR=/app/config \
    PARLEY_HEALTH_PORT=8080 \
    PARLEY_LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY config ./config
COPY corpus ./corpus
RUN mkdir -p /app/data && chown -R node:node /app/corpus /app/data
USER node
VOLUME ["/app/corpus", "/app/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM from `docker stop` reaches node directly (exec form): Parley finishes what is in
# flight and exits within PARLEY_SHUTDOWN_SECONDS (keep docker's stop timeout above it).
STOPSIGNAL SIGTERM
# The same command as `npm start` (its Node options are explained in src/app/heapGrowth.ts).
CMD ["node", "--enable-source-maps", "--max-semi-space-size=64", "dist/src/main.js"]

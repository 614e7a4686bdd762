# The backend only (team server or single-user), for docker-compose.yml. The extension is built and loaded
# separately (README, Quick start).
FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund
ENV TAKEDOWN_HOST=0.0.0.0
EXPOSE 8787
# SIGTERM reaches node directly: the server drains and hands running bulk jobs back to the queue.
CMD ["node", "--import", "tsx", "lib/server/main.ts"]

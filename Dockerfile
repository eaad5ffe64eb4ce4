# The Cooperation Atlas server (API, GraphiQL and, once built, the explorer); see docker-compose.yml.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# Dev dependencies too: the server runs TypeScript through tsx.
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:client --if-present
ENV HOST=0.0.0.0 PORT=4000 NODE_ENV=production
EXPOSE 4000
CMD ["node_modules/.bin/tsx", "server/src/main.ts"]

# One image for both roles (docs/deploy.md), the Makefile's steps in the same order:
#   API:   leadcrawl serve      (gunicorn + the conductor; LEADCRAWL_SCRAPYD_NODES set)
#   node:  scrapyd              (from /app/deploy/node, crawls for the API's jobs)
FROM python:3.11-slim-bookworm

# scripts/install-system-packages.sh: Chromium for deep mode (Debian's package)
RUN apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md scrapy.cfg ./
COPY crawler crawler
COPY api api
COPY deploy deploy
# make's $(STAMP): the project and its dependencies
RUN python -m pip install --no-cache-dir --upgrade 'pip>=25.1' \
    && python -m pip install --no-cache-dir .

ENV LEADCRAWL_CHROMIUM=/usr/bin/chromium \
    LEADCRAWL_BIND=0.0.0.0 \
    PYTHONUNBUFFERED=1
EXPOSE 8000 6800
CMD ["leadcrawl", "serve", "--var", "/var/lib/leadcrawl"]

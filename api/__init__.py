"""leadcrawl job API (issue 7)."""

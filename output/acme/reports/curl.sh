curl --location 'https://api.acme.example/v2/reports/sales?from=2026-01-01&to=2026-03-31&format=csv' \
  --header 'Accept: text/csv' \
  --header 'X-API-Key: {{apiKey}}'

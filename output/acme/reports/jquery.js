var settings = {
  "url": "https://api.acme.example/v2/reports/sales?from=2026-01-01&to=2026-03-31&format=csv",
  "method": "GET",
  "timeout": 0,
  "headers": {
    "Accept": "text/csv",
    "X-API-Key": "{{apiKey}}"
  }
};

$.ajax(settings).done(function (response) {
  console.log(response);
});

var settings = {
  "url": "https://api.acme.example/v2/health",
  "method": "HEAD",
  "timeout": 0,
};

$.ajax(settings).done(function (response) {
  console.log(response);
});

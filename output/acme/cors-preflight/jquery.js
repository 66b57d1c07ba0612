var settings = {
  "url": "https://api.acme.example/v2/orders",
  "method": "OPTIONS",
  "timeout": 0,
  "headers": {
    "Origin": "https://shop.example.com",
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "content-type, authorization"
  }
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
